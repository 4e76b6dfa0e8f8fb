/**
 * Backup: snippets, templates, placeholder rules and settings in one JSON file with a format
 * version (version 1 had no settings; both are read).
 *
 * Import is three steps, so that a bad file changes nothing and nothing is written that the user
 * did not see: `parseBackup` checks the whole file against the schema, with placeholder rules,
 * cleanup rules and site patterns checked as Settings checks them (any fault rejects the file);
 * `planImport` compares it with the database by id (new, changed, same) and notes what it will
 * not take as it is (an abbreviation another snippet owns, impossible times); `applyImport`
 * makes the plan again inside its write transaction, against the database as it is then, and
 * writes only if that is still the plan the user saw (else it hands the new plan back to show).
 * Nothing is ever deleted by an import, and the write hands back what undoes it.
 *
 * A backup holds the records alone: no sync state (versions, tombstones, this device's copy of
 * a sync folder, conflicts) and no sync credentials, which stay in the browser's storage. That
 * state tells what this device agreed with a server; restored elsewhere, or later, it would
 * claim an agreement that no longer holds. Imported records are local writes like any other,
 * and sync carries them from there.
 */
import * as v from 'valibot';
import { TemplateSectionSchema } from '../../protocol/schemas';
import { checkSetting, mergedSetting } from './settings';
import { checkPlaceholderRule } from '../settings/placeholder-rules';
import { ABBREVIATION } from '../snippets/abbreviation';
import type { ReportDatabase } from './database';
import type { PlaceholderRuleRecord, SettingRecord, Snippet, Template } from './schema';

export const BACKUP_FORMAT = 'report-drafting-assistant/backup';
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS: readonly unknown[] = [1, 2];
/** Far above any real library (10,000 snippets are a few MB); a bigger file is not ours. */
export const MAX_BACKUP_CHARS = 64 * 1024 * 1024;
/** A time later than this past the import is impossible (clocks differ by less). */
const FUTURE_MS = 24 * 60 * 60 * 1000;

const id = v.pipe(v.string(), v.nonEmpty(), v.maxLength(200));
// Any number: an impossible time (negative, far future, 1e400 read as Infinity) is noted in the
// preview and replaced, rather than refusing the whole file.
const time = v.number();

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

const TemplateSchema = v.looseObject({
  id,
  title: v.string(),
  kind: v.string(),
  description: v.string(),
  language: v.picklist(['zh', 'en']),
  sections: v.array(TemplateSectionSchema),
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

const SettingSchema = v.object({ id, value: v.string() }) satisfies v.GenericSchema<SettingRecord>;

/** Each table's records as a file from outside (a backup, a sync folder) must have them. */
export const RECORD_SCHEMAS = { snippets: SnippetSchema, templates: TemplateSchema, placeholderRules: RuleSchema, settings: SettingSchema } as const;

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.picklist([1, 2]),
  exportedAt: v.string(),
  snippets: v.array(SnippetSchema),
  templates: v.array(TemplateSchema),
  placeholderRules: v.array(RuleSchema),
  // Version 1 files have none.
  settings: v.optional(v.array(SettingSchema), []),
});

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1 | 2;
  exportedAt: string;
  snippets: Snippet[];
  templates: Template[];
  placeholderRules: PlaceholderRuleRecord[];
  settings: SettingRecord[];
}
export type BackupTable = 'snippets' | 'templates' | 'placeholderRules' | 'settings';
const TABLES: readonly BackupTable[] = ['snippets', 'templates', 'placeholderRules', 'settings'];

export type BackupProblem =
  | { kind: 'too-large' }
  | { kind: 'not-json' }
  | { kind: 'not-backup' }
  | { kind: 'version'; found: string }
  | { kind: 'invalid'; where: string; message: string }
  | { kind: 'duplicate-id'; table: BackupTable; id: string }
  /** A placeholder rule the Settings check refuses (a pattern that could freeze the page). */
  | { kind: 'unsafe-rule'; name: string; message: string }
  | { kind: 'bad-setting'; id: string; message: string };

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

export interface ExportOptions {
  /** Only these snippets, and no templates, rules or settings: a selection to share. */
  snippetIds?: readonly string[];
}

/** The backup file's text. */
export async function exportBackup(db: ReportDatabase, options: ExportOptions = {}, now = new Date()): Promise<string> {
  const backup: Backup = await db.transaction('r', db.snippets, db.templates, db.placeholderRules, db.settings, async () => {
    const selected = options.snippetIds;
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      snippets: selected ? (await db.snippets.bulkGet([...selected])).filter((s): s is Snippet => !!s) : await db.snippets.toArray(),
      templates: selected ? [] : await db.templates.toArray(),
      placeholderRules: selected ? [] : await db.placeholderRules.toArray(),
      settings: selected ? [] : await db.settings.toArray(),
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
  if (!READABLE_VERSIONS.includes(version)) return { ok: false, problem: { kind: 'version', found: String(version) } };
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
  for (const rule of result.output.placeholderRules) {
    const check = checkPlaceholderRule(rule);
    if (!check.ok) return { ok: false, problem: { kind: 'unsafe-rule', name: rule.name, message: check.message } };
  }
  const settings: SettingRecord[] = [];
  for (const setting of result.output.settings) {
    const check = checkSetting(setting);
    if (!check.ok) return { ok: false, problem: { kind: 'bad-setting', id: setting.id, message: check.message } };
    // A setting a later version added means nothing here.
    if (check.known) settings.push(setting);
  }
  return { ok: true, backup: { ...result.output, settings } };
}

type RecordOf<T extends BackupTable> = Backup[T][number];

/** A record the import replaces: as it is in the database, and as the file has it. */
export interface Change<R> {
  before: R;
  after: R;
}

export interface TablePlan<R> {
  added: R[];
  changed: Change<R>[];
  same: number;
}

/** What the import takes other than as the file has it, said in the preview. */
export type ImportNote =
  /** The snippet comes in without its abbreviation: `owner` (a title) keeps it. */
  | { kind: 'abbreviation-taken'; title: string; abbreviation: string; owner: string }
  /** Created, updated or used at a time that cannot be: the import time is taken instead. */
  | { kind: 'impossible-times'; table: 'snippets' | 'templates' | 'placeholderRules'; title: string };

export type ImportPlan = { [T in BackupTable]: TablePlan<RecordOf<T>> } & {
  notes: ImportNote[];
  /** The file's records as they would be stored, so that the write can make the plan again. */
  source: Prepared;
};

/**
 * The file's records as the import would store them before any comparison with the database:
 * HTML sanitized, impossible times replaced. This depends on the file alone, so it is done once,
 * for the preview, and the write compares the same records with the database as it is then.
 */
interface Prepared {
  records: { [T in BackupTable]: RecordOf<T>[] };
  timeNotes: Record<'snippets' | 'templates' | 'placeholderRules', ImportNote[]>;
}

/**
 * Whether two records would be written out as the same JSON, whatever order their fields came
 * in (a field set to `undefined` counts as absent, as in JSON).
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameRecord(item, b[i]));
  }
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = Object.keys(x).filter((key) => x[key] !== undefined);
  return keys.length === Object.keys(y).filter((key) => y[key] !== undefined).length && keys.every((key) => sameRecord(x[key], y[key]));
}

const possibleTime = (time: number, now: number) => Number.isFinite(time) && time >= 0 && time <= now + FUTURE_MS;

/** `record` with impossible times replaced by `now` (a last use that cannot be is dropped), and whether any was. */
function withPossibleTimes<R extends { createdAt: number; updatedAt?: number; lastUsedAt?: number }>(record: R, now: number): [R, boolean] {
  const fixed = { ...record };
  let changed = false;
  for (const field of ['createdAt', 'updatedAt'] as const) {
    if (fixed[field] !== undefined && !possibleTime(fixed[field], now)) [fixed[field], changed] = [now, true];
  }
  if (fixed.lastUsedAt !== undefined && !possibleTime(fixed.lastUsedAt, now)) {
    delete fixed.lastUsedAt;
    changed = true;
  }
  return [fixed, changed];
}

/** `snippet` with its HTML passed through `sanitize`, as every snippet from outside is stored. */
export function withSanitizedHtml<S extends Snippet>(snippet: S, sanitize: (html: string) => string): S {
  return snippet.html === undefined ? snippet : { ...snippet, html: sanitize(snippet.html) };
}

function prepare(backup: Backup, sanitize: (html: string) => string, now: number): Prepared {
  const timeNotes: Prepared['timeNotes'] = { snippets: [], templates: [], placeholderRules: [] };
  const possible = <R extends Snippet | Template | PlaceholderRuleRecord>(table: keyof Prepared['timeNotes'], records: R[]) =>
    records.map((record) => {
      const [fixed, changed] = withPossibleTimes(record, now);
      if (changed) timeNotes[table].push({ kind: 'impossible-times', table, title: 'title' in record ? record.title : record.name });
      return fixed;
    });
  const snippets = possible('snippets', backup.snippets).map((s) => withSanitizedHtml(s, sanitize));
  return {
    records: { snippets, templates: possible('templates', backup.templates), placeholderRules: possible('placeholderRules', backup.placeholderRules), settings: backup.settings },
    timeNotes,
  };
}

type Tables = Pick<ReportDatabase, BackupTable>;

/** The part of a Dexie table the plan reads. */
interface ReadableTable<R> {
  toCollection(): { primaryKeys(): Promise<string[]> };
  toArray(): Promise<R[]>;
  bulkGet(ids: string[]): Promise<(R | undefined)[]>;
}

/**
 * The records of `table` that have these ids. IndexedDB answers a request per record read by id,
 * but a whole table or all its keys in one: the ids in the table are read first, so that a file
 * of new records reads nothing more, and a file that overlaps much of the table reads it whole.
 */
async function existingRecords<R extends { id: string }>(table: ReadableTable<R>, ids: readonly string[]): Promise<Map<string, R>> {
  const present = new Set(await table.toCollection().primaryKeys());
  const wanted = ids.filter((id) => present.has(id));
  if (!wanted.length) return new Map();
  const records = wanted.length * 4 > present.size ? await table.toArray() : (await table.bulkGet(wanted)).filter((r): r is R => !!r);
  return new Map(records.map((record) => [record.id, record]));
}

/** The plan, made inside a transaction over the four tables. */
async function makePlan(db: Tables, source: Prepared): Promise<ImportPlan> {
  const { records, timeNotes } = source;
  const abbreviationNotes: ImportNote[] = [];

  // An abbreviation stays with the snippet that has it in the database, or the first in the file.
  const wanted = [...new Set(records.snippets.flatMap((s) => (s.abbreviation ? [s.abbreviation] : [])))];
  const owners = new Map<string, Pick<Snippet, 'id' | 'title'>>();
  for (const owner of await db.snippets.where('abbreviation').anyOf(wanted).toArray()) {
    if (!owners.has(owner.abbreviation!)) owners.set(owner.abbreviation!, owner);
  }
  const snippets = records.snippets.map((s) => {
    if (!s.abbreviation) return s;
    const owner = owners.get(s.abbreviation);
    if (!owner) {
      owners.set(s.abbreviation, s);
      return s;
    }
    if (owner.id === s.id) return s;
    abbreviationNotes.push({ kind: 'abbreviation-taken', title: s.title, abbreviation: s.abbreviation, owner: owner.title });
    const without = { ...s };
    delete without.abbreviation;
    return without;
  });

  const compare = async <T extends BackupTable>(table: T, incoming: RecordOf<T>[], merge?: (old: RecordOf<T> | undefined, record: RecordOf<T>) => RecordOf<T>) => {
    const existing = await existingRecords(db[table] as unknown as ReadableTable<RecordOf<T>>, incoming.map((r) => r.id));
    const plan: TablePlan<RecordOf<T>> = { added: [], changed: [], same: 0 };
    for (const found of incoming) {
      const old = existing.get(found.id);
      const record = merge ? merge(old, found) : found;
      if (!old) plan.added.push(record);
      else if (!sameRecord(old, record)) plan.changed.push({ before: old, after: record });
      else plan.same++;
    }
    return plan;
  };
  return {
    snippets: await compare('snippets', snippets),
    templates: await compare('templates', records.templates),
    placeholderRules: await compare('placeholderRules', records.placeholderRules),
    settings: await compare('settings', records.settings, mergedSetting),
    notes: [...timeNotes.snippets, ...abbreviationNotes, ...timeNotes.templates, ...timeNotes.placeholderRules],
    source,
  };
}

/** Whether two plans show the user the same: alike here, they would write the same. */
const samePlan = (a: ImportPlan, b: ImportPlan) => TABLES.every((table) => sameRecord(a[table], b[table])) && sameRecord(a.notes, b.notes);

/**
 * What importing `backup` would do, record by record. Snippet HTML is passed through
 * `sanitize` first (a file may come from anywhere), and compared as it would be stored.
 */
export async function planImport(db: ReportDatabase, backup: Backup, sanitize: (html: string) => string, now = Date.now()): Promise<ImportPlan> {
  const prepared = prepare(backup, sanitize, now);
  // An async scope: Dexie keeps the transaction open across native awaits only inside one.
  return db.transaction('r', db.snippets, db.templates, db.placeholderRules, db.settings, async () => makePlan(db, prepared));
}

/** What puts the database back as it was before an import: records to remove and records to put back. */
export type ImportUndo = { [T in BackupTable]: { remove: string[]; restore: RecordOf<T>[] } };

export type ImportOutcome =
  | { ok: true; written: number; undo: ImportUndo }
  /** The database changed since the preview: nothing was written; this is the plan now. */
  | { ok: false; plan: ImportPlan };

/**
 * Makes the plan again against the database as it is, inside the write transaction, and writes
 * its new and changed records, all or nothing, if it is the plan the user saw.
 */
export async function applyImport(db: ReportDatabase, seen: ImportPlan): Promise<ImportOutcome> {
  return db.transaction('rw', db.snippets, db.templates, db.placeholderRules, db.settings, async (): Promise<ImportOutcome> => {
    const plan = await makePlan(db, seen.source);
    if (!samePlan(plan, seen)) return { ok: false, plan };
    const write = async <T extends BackupTable>(table: T) => {
      const { added, changed } = plan[table];
      await (db[table] as unknown as { bulkPut(records: RecordOf<T>[]): Promise<unknown> }).bulkPut([...added, ...changed.map((c) => c.after)]);
      return { remove: added.map((r) => r.id), restore: changed.map((c) => c.before) };
    };
    const undo = {} as ImportUndo;
    let written = 0;
    for (const table of TABLES) {
      (undo as Record<BackupTable, unknown>)[table] = await write(table);
      written += plan[table].added.length + plan[table].changed.length;
    }
    return { ok: true, written, undo };
  });
}

/** Takes an import back: its new records removed, the ones it changed as they were. */
export async function undoImport(db: ReportDatabase, undo: ImportUndo): Promise<void> {
  await db.transaction('rw', db.snippets, db.templates, db.placeholderRules, db.settings, async () => {
    for (const table of TABLES) {
      const store = db[table] as unknown as { bulkDelete(ids: string[]): Promise<void>; bulkPut(records: unknown[]): Promise<unknown> };
      await store.bulkDelete(undo[table].remove);
      await store.bulkPut(undo[table].restore);
    }
  });
}
