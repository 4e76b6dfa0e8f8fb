import { checkMaterialFile, checkMaterialText, decodeMaterial, looksLikeDocx, type Checked } from '@/utils/report/material-file';

/**
 * The text of a sample file the user opened, read in the panel: nothing is uploaded. A .docx
 * goes through mammoth's browser build, loaded only when one is opened.
 */
export async function readMaterialFile(file: File): Promise<Checked<{ text: string }>> {
  const checked = checkMaterialFile(file.name, file.size);
  if (!checked.ok) return checked;
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (checked.format === 'text') return decodeMaterial(bytes);
  const zip = looksLikeDocx(bytes);
  if (!zip.ok) return zip;
  try {
    const { default: mammoth } = await import('mammoth/mammoth.browser.js');
    const { value } = await mammoth.extractRawText({ arrayBuffer: bytes.buffer });
    return checkMaterialText(value);
  } catch {
    return { ok: false, problem: { kind: 'bad-docx' } };
  }
}
