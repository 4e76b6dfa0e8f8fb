/**
 * Backup: snippets, templates and placeholder rules in one JSON file with a format version.
 *
 * Import is three steps, so that a bad file changes nothing: `parseBackup` checks the whole
 * file against the schema (any bad record rejects the file), `planImport` compares it with the
 * database by id (new, changed, same) for the user to see, and `applyImport` writes the new and
 * changed records in one transaction. Nothing is ever deleted by an import; a changed record
 * takes the file's version, as the preview said it would.
 */
import * as v from 'valibot';
import { ABBREVIATION } from '../snippets/abbreviation';
import type { ReportDatabase } from './database';
import type { PlaceholderRuleRecord, Snippet, Template, TemplateSection } from './schema';

export const BACKUP_FORMAT = 'report-drafting-assistant/backup';
export const BACKUP_VERSION = 1;
/** Far above any real library (10,000 snippets are a few MB); a bigger file is not ours. */
export const MAX_BACKUP_CHARS = 64 * 1024 * 1024;

const id = v.pipe(v.string(), v.nonEmpty(), v.maxLength(200));
const time = v.pipe(v.number(), v.integer(), v.minValue(0));

const SnippetSchema = v.object({
  id,
  title: v.string(),
  body: v.string(),
  html: v.optional(v.string()),
  tags: v.array(v.string()),
  folder: v.optional(v.string()),
  abbreviation: v.optional(v.pipe(v.string(), v.regex(ABBREVIATION))),
  createdAt: time,
  updatedAt: time,
  lastUsedAt: v.optional(time),
  useCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
}) satisfies v.GenericSchema<Snippet>;

// Loose: fields a later version adds to templates travel through unharmed.
const SectionSchema: v.GenericSchema<TemplateSection> = v.looseObject({
  heading: v.string(),
  level: v.pipe(v.number(), v.integer(), v.minValue(0)),
  body: v.string(),
  guidance: v.optional(v.string()),
  numbered: v.optional(v.boolean()),
  children: v.optional(v.array(v.lazy(() => SectionSchema))),
});

const TemplateSchema = v.looseObject({
  id,
  title: v.string(),
  kind: v.string(),
  description: v.string(),
  language: v.picklist(['zh', 'en']),
  sections: v.array(SectionSchema),
  createdAt: time,
  updatedAt: time,
}) satisfies v.GenericSchema<Template>;

const RuleSchema = v.object({
  id,
  name: v.string(),
  pattern: v.string(),
  flags: v.string(),
  kind: v.string(),
  enabled: v.boolean(),
  createdAt: time,
}) satisfies v.GenericSchema<PlaceholderRuleRecord>;

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.string(),
  snippets: v.array(SnippetSchema),
  templates: v.array(TemplateSchema),
  placeholderRules: v.array(RuleSchema),
});

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  snippets: Snippet[];
  templates: Template[];
  placeholderRules: PlaceholderRuleRecord[];
}
export type BackupTable = 'snippets' | 'templates' | 'placeholderRules';
const TABLES: readonly BackupTable[] = ['snippets', 'templates', 'placeholderRules'];

export type BackupProblem =
  | { kind: 'too-large' }
  | { kind: 'not-json' }
  | { kind: 'not-backup' }
  | { kind: 'version'; found: string }
  | { kind: 'invalid'; where: string; message: string }
  | { kind: 'duplicate-id'; table: BackupTable; id: string };

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

export interface ExportOptions {
  /** Only these snippets, and no templates or rules: a selection to share. */
  snippetIds?: readonly string[];
}

/** The backup file's text. */
export async function exportBackup(db: ReportDatabase, options: ExportOptions = {}, now = new Date()): Promise<string> {
  const backup: Backup = await db.transaction('r', db.snippets, db.templates, db.placeholderRules, async () => {
    const selected = options.snippetIds;
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      snippets: selected ? (await db.snippets.bulkGet([...selected])).filter((s): s is Snippet => !!s) : await db.snippets.toArray(),
      templates: selected ? [] : await db.templates.toArray(),
      placeholderRules: selected ? [] : await db.placeholderRules.toArray(),
    };
  });
  return JSON.stringify(backup);
}

/** Reads and checks a whole backup file; any fault rejects it whole. */
export function parseBackup(text: string): ParsedBackup {
  if (text.length > MAX_BACKUP_CHARS) return { ok: false, problem: { kind: 'too-large' } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: { kind: 'not-json' } };
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, problem: { kind: 'not-backup' } };
  }
  const version = (data as { version?: unknown }).version;
  if (version !== BACKUP_VERSION) return { ok: false, problem: { kind: 'version', found: String(version) } };
  let result: v.SafeParseResult<typeof BackupSchema>;
  try {
    result = v.safeParse(BackupSchema, data, { abortEarly: true });
  } catch {
    // Sections nested deeper than the stack allows.
    return { ok: false, problem: { kind: 'invalid', where: 'templates', message: 'nested too deeply' } };
  }
  if (!result.success) {
    const issue = result.issues[0];
    return { ok: false, problem: { kind: 'invalid', where: v.getDotPath(issue) ?? '', message: issue.message } };
  }
  for (const table of TABLES) {
    const seen = new Set<string>();
    for (const record of result.output[table]) {
      if (seen.has(record.id)) return { ok: false, problem: { kind: 'duplicate-id', table, id: record.id } };
      seen.add(record.id);
    }
  }
  return { ok: true, backup: result.output };
}

type RecordOf<T extends BackupTable> = Backup[T][number];

export interface TablePlan<R> {
  added: R[];
  changed: R[];
  same: number;
}

export type ImportPlan = { [T in BackupTable]: TablePlan<RecordOf<T>> };

/** JSON with keys in one order, to compare records whatever order their fields came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * What importing `backup` would do, record by record. Snippet HTML is passed through
 * `sanitize` first (a file may come from anywhere), and compared as it would be stored.
 */
export async function planImport(db: ReportDatabase, backup: Backup, sanitize: (html: string) => string): Promise<ImportPlan> {
  const snippets = backup.snippets.map((s) => (s.html === undefined ? s : { ...s, html: sanitize(s.html) }));
  const compare = async <T extends BackupTable>(table: T, records: RecordOf<T>[]): Promise<TablePlan<RecordOf<T>>> => {
    const existing = await (db[table] as unknown as { bulkGet(ids: string[]): Promise<(RecordOf<T> | undefined)[]> }).bulkGet(records.map((r) => r.id));
    const plan: TablePlan<RecordOf<T>> = { added: [], changed: [], same: 0 };
    records.forEach((record, i) => {
      const old = existing[i];
      if (!old) plan.added.push(record);
      else if (canonical(old) !== canonical(record)) plan.changed.push(record);
      else plan.same++;
    });
    return plan;
  };
  return db.transaction('r', db.snippets, db.templates, db.placeholderRules, async () => ({
    snippets: await compare('snippets', snippets),
    templates: await compare('templates', backup.templates),
    placeholderRules: await compare('placeholderRules', backup.placeholderRules),
  }));
}

/** Writes the new and changed records of a plan, all or nothing. */
export async function applyImport(db: ReportDatabase, plan: ImportPlan): Promise<void> {
  await db.transaction('rw', db.snippets, db.templates, db.placeholderRules, async () => {
    await db.snippets.bulkPut([...plan.snippets.added, ...plan.snippets.changed]);
    await db.templates.bulkPut([...plan.templates.added, ...plan.templates.changed]);
    await db.placeholderRules.bulkPut([...plan.placeholderRules.added, ...plan.placeholderRules.changed]);
  });
}
