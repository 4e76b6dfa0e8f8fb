/**
 * The files of a sync folder (the user's own, or a team's) on a WebDAV server:
 *
 *   <folder>/index.json        { format: 'report-drafting-assistant/sync', version: 1,
 *                                generation, updatedAt, buckets: { '3f': { hash, count }, … } }
 *   <folder>/records/3f.json   { format: 'report-drafting-assistant/sync-bucket', version: 1,
 *                                bucket: '3f', entries: [ { table, id, rev, device,
 *                                deletedAt?, data? }, … ] }
 *
 * Every record lives in one of 256 buckets, `records/00.json` to `records/ff.json`, chosen by a
 * hash of its table and id, so that one change rewrites one bucket of a few dozen records rather
 * than the library. A bucket holds each record's last version: its fields (`data`, as a backup
 * holds them) or, once deleted, a tombstone (`deletedAt`, no `data`). Tombstones stay, so that a
 * device that was away for months still learns of the deletion.
 *
 * The index names every bucket with the hash of its text, so that a reader fetches only the
 * buckets whose hash moved; `generation` rises by one with every write of the index. A writer
 * writes its buckets first and the index last, each with If-Match (the ETag it read), so that an
 * index never names a bucket that is not there and a concurrent writer is refused (412) rather
 * than overwritten. `version` is the layout's: a reader refuses a version newer than it knows.
 *
 * Everything read from a server is checked here before anything else sees it. Pure: no DOM,
 * browser API or database.
 */
import * as v from 'valibot';
import { RECORD_SCHEMAS } from '../db/backup';
import { checkSetting } from '../db/settings';
import { checkPlaceholderRule } from '../settings/placeholder-rules';
import { SYNC_TABLES, type SyncEntry, type SyncTable } from '../db/schema';

export const INDEX_FORMAT = 'report-drafting-assistant/sync';
export const BUCKET_FORMAT = 'report-drafting-assistant/sync-bucket';
export const FORMAT_VERSION = 1;
export const INDEX_PATH = 'index.json';
export const RECORDS_DIR = 'records';
export const BUCKET_COUNT = 256;
/** Far above a real bucket (10,000 snippets make 256 buckets of some 40 KB): a bigger file is not ours. */
const MAX_FILE_CHARS = 16 * 1024 * 1024;

export interface SyncIndex {
  format: typeof INDEX_FORMAT;
  version: number;
  generation: number;
  updatedAt: number;
  buckets: Record<string, { hash: string; count: number }>;
}

/** Why a file from the server was refused. */
export type FileProblem = 'bad-data' | 'newer-format';
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: FileProblem; detail: string };

/** 32-bit FNV-1a of `text`, with the multiplier given (two multipliers make two independent halves). */
function fnv1a(text: string, prime: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), prime);
  return hash >>> 0;
}

/**
 * A 64-bit hash of a file's text, in hex. Not cryptographic, and need not be: it only tells a
 * changed bucket from an unchanged one; the ETags guard against concurrent writers.
 */
export function contentHash(text: string): string {
  return fnv1a(text, 0x01000193).toString(16).padStart(8, '0') + fnv1a(text, 0x5bd1e995).toString(16).padStart(8, '0');
}

export const recordKey = (table: SyncTable, id: string) => `${table}/${id}`;

/** The bucket that holds a record: two hex digits. */
export function bucketOf(table: SyncTable, id: string): string {
  return (fnv1a(recordKey(table, id), 0x01000193) % BUCKET_COUNT).toString(16).padStart(2, '0');
}

export const bucketPath = (bucket: string) => `${RECORDS_DIR}/${bucket}.json`;

const BucketName = v.pipe(v.string(), v.regex(/^[0-9a-f]{2}$/));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const IndexSchema = v.object({
  format: v.literal(INDEX_FORMAT),
  version: v.literal(FORMAT_VERSION),
  generation: Count,
  updatedAt: v.number(),
  buckets: v.record(BucketName, v.object({ hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)), count: Count })),
});

const EntrySchema = v.object({
  table: v.picklist(SYNC_TABLES),
  id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)),
  rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
  device: v.pipe(v.string(), v.nonEmpty(), v.maxLength(100)),
  deletedAt: v.optional(v.number()),
  data: v.optional(v.unknown()),
});
const BucketSchema = v.object({
  format: v.literal(BUCKET_FORMAT),
  version: v.literal(FORMAT_VERSION),
  bucket: BucketName,
  entries: v.array(EntrySchema),
});

/** JSON text of a file that names `format`, when its version is one this reader knows. */
function readJson(text: string, format: string): Parsed<unknown> {
  if (text.length > MAX_FILE_CHARS) return { ok: false, problem: 'bad-data', detail: 'too large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'bad-data', detail: 'not JSON' };
  }
  const header = data as { format?: unknown; version?: unknown } | null;
  if (!header || typeof header !== 'object' || header.format !== format) return { ok: false, problem: 'bad-data', detail: 'not a sync file' };
  if (typeof header.version === 'number' && header.version > FORMAT_VERSION) return { ok: false, problem: 'newer-format', detail: `version ${header.version}` };
  return { ok: true, value: data };
}

function invalid(issues: v.BaseIssue<unknown>[]): Parsed<never> {
  return { ok: false, problem: 'bad-data', detail: `${v.getDotPath(issues[0]) ?? ''}: ${issues[0].message}` };
}

export function parseIndex(text: string): Parsed<SyncIndex> {
  const json = readJson(text, INDEX_FORMAT);
  if (!json.ok) return json;
  const result = v.safeParse(IndexSchema, json.value, { abortEarly: true });
  return result.success ? { ok: true, value: result.output } : invalid(result.issues);
}

/** What is wrong with a record's fields, checked as a backup's are, or null. */
function recordProblem(table: SyncTable, id: string, data: unknown): { problem: string } | { record: Record<string, unknown> } {
  let result;
  try {
    result = v.safeParse(RECORD_SCHEMAS[table] as v.GenericSchema, data, { abortEarly: true });
  } catch {
    // Template sections nested deeper than the stack allows.
    return { problem: 'nested too deeply' };
  }
  if (!result.success) return { problem: `${v.getDotPath(result.issues[0]) ?? ''}: ${result.issues[0].message}` };
  const record = result.output as Record<string, unknown> & { id: string };
  if (record.id !== id) return { problem: 'id differs from the entry' };
  if (table === 'placeholderRules') {
    const check = checkPlaceholderRule(record as unknown as Parameters<typeof checkPlaceholderRule>[0]);
    if (!check.ok) return { problem: check.message };
  }
  if (table === 'settings') {
    const check = checkSetting(record as unknown as Parameters<typeof checkSetting>[0]);
    if (!check.ok) return { problem: check.message };
  }
  return { record };
}

/** What a reader would refuse in `entry`'s record (the same check `parseBucket` makes), or null. */
export function entryProblem(entry: SyncEntry): string | null {
  if (entry.deletedAt !== undefined) return null;
  const checked = recordProblem(entry.table, entry.id, entry.data);
  return 'problem' in checked ? checked.problem : null;
}

/**
 * The entries of bucket `bucket`, every one checked: the envelope, the record's fields as a
 * backup's are checked (rules by the rule check, settings by the Settings check), and each
 * record in the bucket its id belongs to, once. Any fault refuses the whole bucket.
 */
export function parseBucket(text: string, bucket: string): Parsed<SyncEntry[]> {
  const json = readJson(text, BUCKET_FORMAT);
  if (!json.ok) return json;
  const result = v.safeParse(BucketSchema, json.value, { abortEarly: true });
  if (!result.success) return invalid(result.issues);
  if (result.output.bucket !== bucket) return { ok: false, problem: 'bad-data', detail: `bucket ${result.output.bucket} at ${bucket}` };
  const seen = new Set<string>();
  const entries: SyncEntry[] = [];
  for (const [i, raw] of result.output.entries.entries()) {
    const key = recordKey(raw.table, raw.id);
    if (seen.has(key) || bucketOf(raw.table, raw.id) !== bucket) return { ok: false, problem: 'bad-data', detail: `entries.${i}: misplaced or repeated` };
    seen.add(key);
    const entry: SyncEntry = { table: raw.table, id: raw.id, rev: raw.rev, device: raw.device };
    if (raw.deletedAt !== undefined) entry.deletedAt = raw.deletedAt;
    else {
      const checked = recordProblem(raw.table, raw.id, raw.data);
      if ('problem' in checked) return { ok: false, problem: 'bad-data', detail: `entries.${i}.data: ${checked.problem}` };
      entry.data = checked.record;
    }
    entries.push(entry);
  }
  return { ok: true, value: entries };
}

/** A bucket's text, its entries in key order so that the same entries always hash alike. */
export function serializeBucket(bucket: string, entries: readonly SyncEntry[]): string {
  const sorted = [...entries].sort((a, b) => (recordKey(a.table, a.id) < recordKey(b.table, b.id) ? -1 : 1));
  return JSON.stringify({ format: BUCKET_FORMAT, version: FORMAT_VERSION, bucket, entries: sorted });
}

export function serializeIndex(index: Omit<SyncIndex, 'format' | 'version'>): string {
  return JSON.stringify({ format: INDEX_FORMAT, version: FORMAT_VERSION, ...index });
}
