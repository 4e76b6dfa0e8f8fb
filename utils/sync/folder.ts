/**
 * Reading and writing one sync folder (format.ts), for the personal folder and team folders
 * alike. Reading fetches the index with If-None-Match, then only the buckets whose hash differs
 * from the copy this device holds. Writing puts each changed bucket with If-Match, then the
 * index with If-Match: a 412 on either means another device wrote meanwhile, and the caller
 * reads again, merges, and tries again. Nothing here writes the local library: the caller
 * stores what was read, and what was written, once the server has confirmed it.
 */
import type { SyncEntry, SyncFileCopy } from '../db/schema';
import { SyncError } from './errors';
import { bucketOf, bucketPath, contentHash, INDEX_PATH, parseBucket, parseIndex, recordKey, RECORDS_DIR, serializeBucket, serializeIndex, type SyncIndex } from './format';
import { fileKey, type LocalStore } from './local-store';
import type { PutConditions, WebDavClient } from './webdav-client';

/** Requests in flight at once for the buckets of one folder. */
const PARALLEL_REQUESTS = 6;

export interface FetchedBucket {
  bucket: string;
  entries: SyncEntry[];
  /** The entries this device held before (the base of a merge). */
  before: SyncEntry[];
  etag?: string;
  hash: string;
  /** Damaged, and named by no index: held as the entries before, and never named by one. */
  damaged?: boolean;
}

export interface FolderRead {
  folder: string;
  /** Whether the folder has an index (a folder never written has none). */
  exists: boolean;
  /** The folder had an index when this device last read it, and has none now. */
  emptied: boolean;
  /** The index is the one this device last read (304). */
  unchanged: boolean;
  etag?: string;
  generation: number;
  buckets: SyncIndex['buckets'];
  /** Each bucket's hash as this device holds it once the fetched buckets are stored. */
  held: Record<string, string>;
  fetched: FetchedBucket[];
}

/** Runs `task` on every item, a few at a time; the first failure fails the whole. */
async function inParallel<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_REQUESTS, items.length) }, worker));
  return results;
}

function refused(problem: 'bad-data' | 'newer-format', path: string, detail: string): never {
  throw new SyncError(problem, `${path}: ${detail}`);
}

/** The index, and the buckets that changed since this device last read (and those in `reread`). */
export async function readFolder(client: WebDavClient, local: LocalStore, folder: string, reread: ReadonlySet<string> = new Set()): Promise<FolderRead> {
  const copy = await local.file(folder, INDEX_PATH);
  const answer = await client.get(INDEX_PATH, copy?.etag);
  let held = { ...copy?.index?.held };
  let read: Omit<FolderRead, 'fetched' | 'held' | 'folder'>;
  if (answer.status === 'not-modified') {
    if (!copy?.index) throw new SyncError('server-error', `${INDEX_PATH}: not modified without a condition`);
    read = { exists: true, emptied: false, unchanged: true, etag: copy.etag, generation: copy.index.generation, buckets: copy.index.buckets };
  } else if (answer.status === 'ok') {
    const index = parseIndex(answer.text);
    if (!index.ok) refused(index.problem, INDEX_PATH, index.detail);
    read = { exists: true, emptied: false, unchanged: false, etag: answer.etag, generation: index.value.generation, buckets: index.value.buckets };
  } else {
    // No index: a folder never written (or whose first write was cut short), or one emptied
    // since this device last read its index (every index written has a generation of 1 or more).
    const emptied = (copy?.index?.generation ?? 0) > 0;
    read = { exists: false, emptied, unchanged: false, generation: 0, buckets: {} };
    if (emptied) held = {};
  }
  const wanted = [...new Set([...Object.keys(read.buckets).filter((name) => read.buckets[name].hash !== held[name]), ...reread])].sort();
  const copies = await Promise.all(wanted.map((bucket) => (read.emptied ? undefined : local.file(folder, bucketPath(bucket)))));
  const fetched = await inParallel(wanted, async (bucket): Promise<FetchedBucket> => {
    const path = bucketPath(bucket);
    const before = copies[wanted.indexOf(bucket)]?.entries ?? [];
    const got = await client.get(path);
    if (got.status === 'missing') {
      // The index names only buckets written before it: a bucket it names must be there.
      if (read.buckets[bucket]) refused('bad-data', path, 'named by the index but missing');
      return { bucket, entries: [], before, hash: '' };
    }
    if (got.status !== 'ok') throw new SyncError('server-error', `${path}: not modified without a condition`);
    const hash = contentHash(got.text);
    const entries = parseBucket(got.text, bucket);
    if (entries.ok) return { bucket, entries: entries.value, before, etag: got.etag, hash };
    // A damaged bucket the index does not vouch for is a write cut short (the index comes
    // last): what this device last held stands for it, and the next write replaces it.
    if (entries.problem === 'bad-data' && read.buckets[bucket]?.hash !== hash) return { bucket, entries: before, before, etag: got.etag, hash, damaged: true };
    return refused(entries.problem, path, entries.detail);
  });
  for (const bucket of fetched) {
    if (bucket.damaged) continue;
    if (bucket.hash) held[bucket.bucket] = bucket.hash;
    else delete held[bucket.bucket];
  }
  return { folder, ...read, held, fetched };
}

/** The copies that record what was read: the fetched buckets and the index. */
export function copiesOfRead(read: FolderRead): SyncFileCopy[] {
  const buckets = read.fetched
    .filter((b) => b.hash)
    .map((b): SyncFileCopy => ({ key: fileKey(read.folder, bucketPath(b.bucket)), folder: read.folder, path: bucketPath(b.bucket), etag: b.etag, hash: b.hash, entries: b.entries }));
  // Kept for a folder without an index too, once it has buckets: those a first write left.
  if (!read.exists && !read.fetched.length) return buckets;
  const index: SyncFileCopy = {
    key: fileKey(read.folder, INDEX_PATH),
    folder: read.folder,
    path: INDEX_PATH,
    etag: read.etag,
    hash: '',
    index: { generation: read.generation, buckets: read.buckets, held: read.held },
  };
  return [...buckets, index];
}

/**
 * The conditions for writing over `copy`: its ETag, or none when there is no file yet. A copy
 * without one was written here to a server that answered the PUT without an ETag (Apache
 * mod_dav): the file's tag is asked for, and taken only while the file is still the one this
 * device wrote, so that a write by another device in between is never overwritten. Null when
 * it is not: another device wrote it.
 */
async function writeConditions(client: WebDavClient, path: string, copy: SyncFileCopy | undefined): Promise<PutConditions | null> {
  if (!copy) return { ifAbsent: true };
  if (copy.etag) return { ifMatch: copy.etag };
  const current = await client.get(path);
  if (current.status !== 'ok' || contentHash(current.text) !== copy.hash) return null;
  // A server that sends no ETags at all leaves nothing to make the write conditional on.
  return current.etag ? { ifMatch: current.etag } : {};
}

/** Milliseconds to wait before each round after the first, once another device's write was in the way. */
const RETRY_PAUSES_MS = [250, 500, 1000];

/**
 * Waits before round `round` (from 0) of a read, merge and write that a 412 sent back: other
 * devices writing get a moment, and Apache's ETags, which no If-Match matches in the second
 * after a write (they are weak then), become strong.
 */
export function pauseBeforeRound(round: number): Promise<void> {
  const ms = round > 0 ? RETRY_PAUSES_MS[Math.min(round, RETRY_PAUSES_MS.length) - 1] : 0;
  return ms ? new Promise((done) => setTimeout(done, ms)) : Promise.resolve();
}

export type WriteOutcome =
  | { ok: true; copies: SyncFileCopy[] }
  /** Another device wrote first: read these buckets again (with the index), merge, and retry. */
  | { ok: false; reread: Set<string> };

/**
 * Writes `outgoing` (entries that replace or join those of their buckets) and the index that
 * names the new buckets. Buckets the index names with another hash than the one this device
 * holds (a writer that stopped between its buckets and its index) are named rightly again.
 */
export async function writeFolder(client: WebDavClient, local: LocalStore, read: FolderRead, outgoing: readonly SyncEntry[], now: number): Promise<WriteOutcome> {
  const byBucket = new Map<string, SyncEntry[]>();
  for (const entry of outgoing) {
    const bucket = bucketOf(entry.table, entry.id);
    const list = byBucket.get(bucket);
    if (list) list.push(entry);
    else byBucket.set(bucket, [entry]);
  }
  const stale = Object.keys(read.held).filter((bucket) => read.held[bucket] !== read.buckets[bucket]?.hash);
  if (!byBucket.size && !stale.length) return { ok: true, copies: [] };
  if (!read.exists) {
    await client.mkcol('');
    await client.mkcol(`${RECORDS_DIR}/`);
  }
  const names = [...byBucket.keys()].sort();
  const copies = await Promise.all(names.map((bucket) => local.file(read.folder, bucketPath(bucket))));
  const written = await inParallel(names, async (bucket) => {
    const copy = copies[names.indexOf(bucket)];
    const entries = new Map((copy?.entries ?? []).map((e) => [recordKey(e.table, e.id), e]));
    for (const entry of byBucket.get(bucket)!) entries.set(recordKey(entry.table, entry.id), entry);
    const text = serializeBucket(bucket, [...entries.values()]);
    const path = bucketPath(bucket);
    const conditions = await writeConditions(client, path, copy);
    if (!conditions) return null;
    const put = await client.put(path, text, conditions);
    if (put.status === 'precondition-failed') return null;
    return { key: fileKey(read.folder, path), folder: read.folder, path, etag: put.etag, hash: contentHash(text), entries: [...entries.values()] } satisfies SyncFileCopy;
  });
  // The buckets written before another was refused changed too: all are read again.
  if (written.some((copy) => !copy)) return { ok: false, reread: new Set(names) };
  const bucketCopies = written as SyncFileCopy[];

  const buckets = { ...read.buckets };
  const held = { ...read.held };
  for (const bucket of stale) buckets[bucket] = { hash: read.held[bucket], count: buckets[bucket]?.count ?? 0 };
  for (const copy of bucketCopies) {
    const bucket = copy.path.slice(RECORDS_DIR.length + 1, -'.json'.length);
    buckets[bucket] = { hash: copy.hash, count: copy.entries!.length };
    held[bucket] = copy.hash;
  }
  // Counts of repaired buckets come from the copies this device holds of them.
  const repaired = await Promise.all(stale.map((bucket) => local.file(read.folder, bucketPath(bucket))));
  stale.forEach((bucket, i) => (buckets[bucket].count = repaired[i]?.entries?.length ?? buckets[bucket].count));
  const generation = read.generation + 1;
  const put = await client.put(INDEX_PATH, serializeIndex({ generation, updatedAt: now, buckets }), read.exists && read.etag ? { ifMatch: read.etag } : { ifAbsent: !read.exists });
  // Another index came first: the buckets written here are read again, as that writer saw them.
  if (put.status === 'precondition-failed') return { ok: false, reread: new Set(names) };
  const index: SyncFileCopy = { key: fileKey(read.folder, INDEX_PATH), folder: read.folder, path: INDEX_PATH, etag: put.etag, hash: '', index: { generation, buckets, held } };
  return { ok: true, copies: [...bucketCopies, index] };
}
