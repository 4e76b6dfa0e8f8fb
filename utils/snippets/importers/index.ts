/**
 * Libraries of other snippet tools: the format of a file told by its name and content, read by
 * that tool's importer, and turned into the records the backup import previews and merges (so
 * that abbreviations another snippet owns and impossible times keep their protections). Pure.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../db/backup';
import type { Snippet } from '../../db/schema';
import { newSnippet } from '../record';
import { stableHash, type LibraryFormat, type LibraryImport, type ParsedLibrary } from './common';
import { isBriskineHeader, parseBriskine } from './briskine';
import { parseEspanso } from './espanso';
import { isTextBlazeExport, parseTextBlaze } from './textblaze';
import { parseTextExpanderCsv, parseTextExpanderGroup } from './textexpander';

export type { DamageDetail, ImportedDraft, LibraryFormat, LibraryImport, LibraryProblem, ParsedLibrary, UnmappedReason, UnmappedVariable } from './common';

/** Far above any real library; a bigger file is not one. */
export const MAX_LIBRARY_CHARS = 16 * 1024 * 1024;

export { LIBRARY_FILE_TYPES } from './file-types';

/** Control characters that never stand in a text file (a NUL, or many others). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000') || sample.startsWith('bplist') || sample.startsWith('PK\u0003\u0004')) return true;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) controls++;
  }
  return controls > sample.length / 20;
}

/** JSON of a Text Blaze export, or undefined when the text is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The library in a file of another tool, or why it is refused. The name decides among formats that look alike (a CSV);
 * the content confirms it.
 */
export function parseLibraryFile(fileName: string, text: string): ParsedLibrary {
  if (text.length > MAX_LIBRARY_CHARS) return { ok: false, problem: { kind: 'too-large' } };
  if (!text.replace(/^\uFEFF/, '').trim()) return { ok: false, problem: { kind: 'empty' } };
  if (looksBinary(text)) return { ok: false, problem: { kind: 'binary' } };
  const name = fileName.toLowerCase();
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (name.endsWith('.textexpander') || (trimmed.startsWith('<?xml') && trimmed.includes('<plist'))) return parseTextExpanderGroup(text, fileName);
  if (name.endsWith('.yml') || name.endsWith('.yaml')) return parseEspanso(text, fileName);
  if (name.endsWith('.csv')) {
    const firstLine = trimmed.split(/\r?\n/, 1)[0];
    return isBriskineHeader(firstLine) ? parseBriskine(text) : parseTextExpanderCsv(text, fileName);
  }
  if (trimmed.startsWith('{')) {
    const data = parseJson(text);
    if (isTextBlazeExport(data)) return parseTextBlaze(data);
    // A Text Blaze export cut short is still recognisably one.
    if (data === undefined && /"folders"\s*:/.test(trimmed.slice(0, 2000)) && /"snippets"\s*:/.test(trimmed)) return { ok: false, problem: { kind: 'damaged', format: 'textblaze', detail: { code: 'not-json' } } };
  }
  if (/^matches\s*:/m.test(trimmed)) return parseEspanso(text, fileName);
  return { ok: false, problem: { kind: 'unknown-format' } };
}

/** Whether a JSON file is a Text Blaze export rather than this extension's backup. */
export function isLibraryJson(text: string): boolean {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed.startsWith('{')) return false;
  const head = trimmed.slice(0, 4000);
  return /"folders"\s*:/.test(head) && !/"format"\s*:\s*"report-drafting-assistant\/backup"/.test(head);
}

/** The record id of an imported snippet: the same snippet of the same tool gets the same id each time. */
export const importedId = (format: LibraryFormat, sourceKey: string) => `imported-${format.split('-')[0]}-${stableHash(sourceKey)}`;

const sameContent = (a: Snippet, b: Snippet) =>
  a.title === b.title && a.body === b.body && a.html === b.html && a.folder === b.folder && a.abbreviation === b.abbreviation && a.tags.join('\n') === b.tags.join('\n');

/**
 * The library as a backup of snippets alone, ready for the backup import's preview and merge.
 * A snippet imported before (same id) keeps its creation, use and, when nothing changed, its
 * edit time, so that importing the same file again shows it as the same rather than changed.
 * HTML is compared as it is stored, after `sanitize`.
 */
export function libraryBackup(library: LibraryImport, existing: ReadonlyMap<string, Snippet>, now: number, sanitize: (html: string) => string): Backup {
  const seen = new Set<string>();
  const snippets: Snippet[] = [];
  for (const draft of library.drafts) {
    let id = importedId(library.format, draft.sourceKey);
    // Two snippets of one file alike in every way that names them: the second gets its own id.
    for (let n = 2; seen.has(id); n++) id = importedId(library.format, `${draft.sourceKey}#${n}`);
    seen.add(id);
    const record = newSnippet(draft.html === undefined ? draft : { ...draft, html: sanitize(draft.html) }, id, now);
    const before = existing.get(id);
    if (before) {
      record.createdAt = before.createdAt;
      record.useCount = before.useCount;
      if (before.lastUsedAt !== undefined) record.lastUsedAt = before.lastUsedAt;
      if (sameContent(before, record)) record.updatedAt = before.updatedAt;
    }
    snippets.push(record);
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), snippets, templates: [], placeholderRules: [], settings: [] };
}
