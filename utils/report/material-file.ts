/**
 * Checks on sample material before it is imported: which files are accepted, how their bytes
 * become text, and what text is worth importing. Each problem has a kind the panel turns into
 * a clear message; nothing is imported when there is one.
 */

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** About 500 pages; cleanup of this much takes well under a second. */
export const MAX_TEXT_CHARS = 1_000_000;

export type MaterialFormat = 'text' | 'docx';

export type MaterialProblem =
  | { kind: 'unsupported'; name: string }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'empty' }
  | { kind: 'binary' }
  | { kind: 'old-word' }
  | { kind: 'bad-docx' }
  | { kind: 'too-long'; chars: number };

export type Checked<T> = ({ ok: true } & T) | { ok: false; problem: MaterialProblem };

/** The format of a file from its name and size, before reading it. */
export function checkMaterialFile(name: string, bytes: number): Checked<{ format: MaterialFormat }> {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (extension === 'doc' || extension === 'wps') return { ok: false, problem: { kind: 'old-word' } };
  const format: MaterialFormat | null = extension === 'docx' ? 'docx' : ['txt', 'md', 'markdown', 'text'].includes(extension) ? 'text' : null;
  if (!format) return { ok: false, problem: { kind: 'unsupported', name } };
  if (bytes > MAX_FILE_BYTES) return { ok: false, problem: { kind: 'too-large', bytes } };
  if (bytes === 0) return { ok: false, problem: { kind: 'empty' } };
  return { ok: true, format };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Word 97–2003, Excel and other OLE compound files.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** A .docx is a zip archive; anything else under that name cannot be one. */
export function looksLikeDocx(bytes: Uint8Array): Checked<object> {
  if (startsWith(bytes, OLE_MAGIC)) return { ok: false, problem: { kind: 'old-word' } };
  return startsWith(bytes, ZIP_MAGIC) ? { ok: true } : { ok: false, problem: { kind: 'bad-docx' } };
}

/**
 * Text of a .txt or .md file: UTF-8 or UTF-16 with a byte-order mark, else UTF-8, else GB18030
 * (Chinese material is often saved in GBK). Binary files are refused rather than shown as noise.
 */
export function decodeMaterial(bytes: Uint8Array): Checked<{ text: string }> {
  if (startsWith(bytes, OLE_MAGIC)) return { ok: false, problem: { kind: 'old-word' } };
  if (startsWith(bytes, ZIP_MAGIC)) return { ok: false, problem: { kind: 'binary' } };
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  // Text in an 8-bit encoding has no NUL byte; UTF-16 without a mark is not supported.
  else if (bytes.subarray(0, 65536).includes(0)) return { ok: false, problem: { kind: 'binary' } };
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    if (encoding !== 'utf-8') return { ok: false, problem: { kind: 'binary' } };
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, problem: { kind: 'binary' } };
    }
  }
  return checkMaterialText(text);
}

// Control characters other than tab, line feed, form feed and carriage return; U+FFFD stands
// for bytes that could not be decoded.
const RE_CONTROL = /(?![\t\n\f\r])[\p{Cc}\ufffd]/gu;

/** Text worth cleaning: not empty, not too long, not binary noise. */
export function checkMaterialText(text: string): Checked<{ text: string }> {
  if (!text.trim()) return { ok: false, problem: { kind: 'empty' } };
  if (text.length > MAX_TEXT_CHARS) return { ok: false, problem: { kind: 'too-long', chars: text.length } };
  const sample = text.slice(0, 65536);
  if ((sample.match(RE_CONTROL)?.length ?? 0) > sample.length / 100) return { ok: false, problem: { kind: 'binary' } };
  return { ok: true, text };
}
