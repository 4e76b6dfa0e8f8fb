/**
 * Reading another tool's library in the panel: loaded when a file is chosen, so that the
 * importers (and their YAML reader) are not part of the panel's start.
 */
import { planImport, type ImportPlan } from '@/utils/db/backup';
import { database } from '@/utils/db/database';
import { sanitizeHtml } from '@/utils/sanitize';
import { isLibraryJson, libraryBackup, parseLibraryFile, type DamageDetail, type LibraryImport, type LibraryProblem } from '@/utils/snippets/importers';
import type { Snippet } from '@/utils/db/schema';
import { i18n } from '#i18n';
import { FORMAT_NAMES } from './LibraryNotes';

/** Whether a chosen file is another tool's library rather than this extension's backup. */
export function isLibraryFile(name: string, text: string): boolean {
  return !name.toLowerCase().endsWith('.json') || isLibraryJson(text);
}

function damageText(detail: DamageDetail): string {
  switch (detail.code) {
    case 'cut-short':
      return i18n.t('libraryDamagedCutShort');
    case 'not-json':
      return i18n.t('libraryDamagedNotJson');
    case 'quote':
      return i18n.t('libraryDamagedQuote');
    case 'header':
      return i18n.t('libraryDamagedHeader');
    case 'row':
      return i18n.t('libraryDamagedRow', [String(detail.at)]);
    case 'line':
      return i18n.t('libraryDamagedLine', [String(detail.at)]);
    case 'markup':
      return i18n.t('libraryDamagedMarkup', [String(detail.at)]);
    case 'no-list':
      return i18n.t('libraryDamagedNoList', [detail.at]);
    case 'entry':
      return i18n.t('libraryDamagedEntry', [detail.at]);
  }
}

function problemText(problem: LibraryProblem): string {
  switch (problem.kind) {
    case 'empty':
      return i18n.t('libraryEmpty');
    case 'too-large':
      return i18n.t('libraryTooLarge');
    case 'binary':
      return i18n.t('libraryBinary');
    case 'unknown-format':
      return i18n.t('libraryUnknown');
    case 'damaged':
      return i18n.t('libraryDamaged', [FORMAT_NAMES[problem.format], damageText(problem.detail)]);
    case 'no-snippets':
      return i18n.t('libraryNoSnippets', [FORMAT_NAMES[problem.format]]);
  }
}

export type LibraryRead = { ok: true; plan: ImportPlan; library: LibraryImport } | { ok: false; message: string };

/**
 * Reads another tool's library and plans its merge as the backup import plans one: nothing is
 * written here. A snippet imported before is found by its id, so that its use is kept.
 */
export async function planLibraryImport(name: string, text: string): Promise<LibraryRead> {
  const parsed = parseLibraryFile(name, text);
  if (!parsed.ok) return { ok: false, message: problemText(parsed.problem) };
  const now = Date.now();
  const db = database();
  const ids = libraryBackup(parsed.library, new Map(), now, sanitizeHtml).snippets.map((s) => s.id);
  const existing = new Map((await db.snippets.bulkGet(ids)).filter((s): s is Snippet => !!s).map((s) => [s.id, s]));
  const plan = await planImport(db, libraryBackup(parsed.library, existing, now, sanitizeHtml), sanitizeHtml, now);
  return { ok: true, plan, library: parsed.library };
}
