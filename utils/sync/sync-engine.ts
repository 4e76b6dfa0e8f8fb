/**
 * Sync of the personal library with the user's own WebDAV folder, and the conflicts it leaves
 * for the user. One sync reads the folder (folder.ts), merges what changed into the library
 * (merge.ts), then sends what changed here; a 412 starts the round again, a few times at most.
 *
 * What the server sends is checked (format.ts) and snippet HTML sanitized as a backup's is,
 * before anything is stored. The library only takes what was read once all of it was read and
 * checked, and a record only counts as sent once the index that names its bucket is written:
 * a sync that fails anywhere leaves the library as it was, and the next one starts over.
 */
import { withSanitizedHtml } from '../db/backup';
import { newId, type ReportDatabase } from '../db/database';
import type { Snippet, SyncConflict, SyncEntry, SyncRecordState, SyncTable } from '../db/schema';
import { reasonOf, type SyncReason } from './errors';
import { bucketOf, bucketPath, entryProblem, recordKey } from './format';
import { copiesOfRead, pauseBeforeRound, readFolder, writeFolder, type FolderRead } from './folder';
import { dexieLocalStore, type LocalStore, type LocalView, type StoredRecord } from './local-store';
import { mergeRecord } from './merge';
import type { FolderStatus, ServerAccount, SyncStore } from './sync-store';
import { forkEditedTeamItems, pullTeam, type TeamOutcome } from './team';
import { createWebDavClient, type WebDavClient } from './webdav-client';

export const PERSONAL_FOLDER = 'personal';
/** Rounds of read, merge and write before giving up on a folder other devices keep writing. */
const MAX_ROUNDS = 4;

export interface SyncDeps {
  db: ReportDatabase;
  /** Sync's settings: `syncStore(browser.storage.local)`. */
  store: SyncStore;
  /** The sanitizer a backup import uses (utils/sanitize.ts); sync runs where there is a DOM. */
  sanitize: (html: string) => string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
}

/** What a sync did, or why it stopped. */
export type SyncOutcome =
  /** `heldBack`: records changed here that other devices would refuse, kept here unsent. */
  | { ok: true; received: number; sent: number; conflicts: number; heldBack: number }
  | { ok: false; reason: SyncReason; message: string };

export interface Context {
  db: ReportDatabase;
  local: LocalStore;
  store: SyncStore;
  sanitize: (html: string) => string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now: () => number;
}

export function contextOf(deps: SyncDeps): Context {
  return { db: deps.db, local: dexieLocalStore(deps.db), store: deps.store, sanitize: deps.sanitize, fetch: deps.fetch, timeoutMs: deps.timeoutMs, now: deps.now ?? Date.now };
}

export const clientFor = (ctx: Context, account: { url: string; user: string; password: string }): WebDavClient =>
  createWebDavClient({ ...account, fetch: ctx.fetch, timeoutMs: ctx.timeoutMs });

/** A record as it arrives from a server, ready to store: a snippet's HTML sanitized. */
export function incoming(ctx: Context, table: SyncTable, data: Record<string, unknown>): StoredRecord {
  const record = data as StoredRecord;
  return table === 'snippets' ? (withSanitizedHtml(record as unknown as Snippet, ctx.sanitize) as unknown as StoredRecord) : record;
}

/**
 * Syncs of one database run one at a time: across the extension's pages (two panels, two
 * windows) through a Web Lock, and within one page by a queue where there are no Web Locks.
 */
const running = new Map<string, Promise<unknown>>();
export function oneAtATime<T>(db: ReportDatabase, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(`report-drafting-sync:${db.name}`, task) as Promise<T>;
  const before = running.get(db.name) ?? Promise.resolve();
  const run = before.then(task, task);
  running.set(db.name, run.catch(() => undefined));
  return run;
}

/** Records `outcome` as the folder's last sync or last failure. */
export function withStatus(status: FolderStatus, outcome: { ok: boolean; reason?: SyncReason }, at: number): FolderStatus {
  return outcome.ok ? { ...status, lastSyncAt: at } : { ...status, lastFailure: { reason: outcome.reason!, at } };
}

/** `items` in groups by `group`, in order. */
export function groupBy<T, K>(items: readonly T[], group: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const list = groups.get(group(item));
    if (list) list.push(item);
    else groups.set(group(item), [item]);
  }
  return groups;
}

/** The records of `items` as stored, by key. */
export async function recordsOf(view: LocalView, items: readonly { table: SyncTable; id: string }[]): Promise<Map<string, StoredRecord>> {
  const found = new Map<string, StoredRecord>();
  for (const [table, group] of groupBy(items, (item) => item.table)) {
    const records = await view.records(table, group.map((item) => item.id));
    group.forEach((item, i) => records[i] && found.set(recordKey(table, item.id), records[i]!));
  }
  return found;
}

/**
 * Stores the read of the personal folder: each entry merged with the record here. Returns how
 * many records it changed, and how many changes of this device it found already there (written
 * by a sync that stopped before it could note them).
 */
async function takePersonalRead(ctx: Context, read: FolderRead, deviceId: string): Promise<{ received: number; landed: number }> {
  const entries = read.fetched.flatMap((bucket) => {
    const before = new Map(bucket.before.map((b) => [recordKey(b.table, b.id), b]));
    return bucket.entries.map((entry) => ({ entry, base: before.get(recordKey(entry.table, entry.id)) }));
  });
  return ctx.local.confirmed(async (view) => {
    const keys = entries.map(({ entry }) => recordKey(entry.table, entry.id));
    const [states, conflicts, records] = await Promise.all([view.states(keys), view.conflicts(keys), recordsOf(view, entries.map((e) => e.entry))]);
    const puts: { table: SyncTable; record: StoredRecord }[] = [];
    const deletes: { table: SyncTable; id: string }[] = [];
    const newStates: SyncRecordState[] = [];
    const newConflicts: SyncConflict[] = [];
    const settled: string[] = [];
    let received = 0;
    let landed = 0;
    entries.forEach(({ entry, base }, i) => {
      const state = states[i];
      // A team item is the team folder's to change.
      if (state?.team) return;
      const key = keys[i];
      const decision = mergeRecord(entry.table, { state, data: records.get(key) }, entry, base);
      if (decision.kind === 'keep') return;
      if (decision.kind === 'conflict') {
        newConflicts.push({ key, table: entry.table, id: entry.id, remote: entry, detectedAt: conflicts[i]?.detectedAt ?? ctx.now() });
        return;
      }
      if (conflicts[i]) settled.push(key);
      if (state?.dirty && !decision.write && !decision.dirty && entry.device === deviceId) landed++;
      if (decision.write) {
        received++;
        if (decision.record) puts.push({ table: entry.table, record: incoming(ctx, entry.table, decision.record) });
        else deletes.push({ table: entry.table, id: entry.id });
      }
      const row: SyncRecordState = decision.dirty
        ? { ...(state ?? { key, table: entry.table, id: entry.id, rev: 0, device: '' }), synced: decision.agreed, dirty: 1 }
        : { key, table: entry.table, id: entry.id, rev: decision.agreed.rev, device: decision.agreed.device, synced: decision.agreed, dirty: 0 };
      if (!decision.dirty && !decision.record) row.deletedAt = entry.deletedAt ?? state?.deletedAt ?? ctx.now();
      newStates.push(row);
    });
    for (const [table, group] of groupBy(puts, (p) => p.table)) await view.putRecords(table, group.map((p) => p.record));
    for (const [table, group] of groupBy(deletes, (d) => d.table)) await view.deleteRecords(table, group.map((d) => d.id));
    await view.putStates(newStates);
    await view.putConflicts(newConflicts);
    await view.deleteConflicts(settled);
    await view.putFiles(copiesOfRead(read));
    return { received, landed };
  });
}

/**
 * A folder emptied on the server, or another folder: everything here is sent again, as if never
 * sent, and conflicts with versions that folder no longer holds are dropped (this device's
 * version stands).
 */
async function resendEverything(ctx: Context): Promise<void> {
  await ctx.local.forgetFolder(PERSONAL_FOLDER);
  await ctx.db.transaction('rw', ctx.db.syncRecords, ctx.db.syncConflicts, async () => {
    await ctx.db.syncConflicts.clear();
    await ctx.db.syncRecords
      .filter((state) => !state.team)
      .modify((state) => {
        delete state.synced;
        state.dirty = 1;
      });
  });
}

interface Sent {
  entry: SyncEntry;
  /** The state's rev when the entry was made: a write since then keeps the record dirty. */
  seenRev: number;
}

/** The entries for what changed here, except team items and records in conflict; `dirtyNow`, the dirty states when just read. */
async function personalOutgoing(ctx: Context, read: FolderRead, deviceId: string, dirtyNow?: readonly SyncRecordState[]): Promise<{ sent: Sent[]; unsent: string[]; heldBack: number }> {
  const dirty = (dirtyNow ?? (await ctx.local.dirtyStates())).filter((state) => !state.team);
  if (!dirty.length) return { sent: [], unsent: [], heldBack: 0 };
  return ctx.local.confirmed(async (view) => {
    const keys = dirty.map((state) => state.key);
    const [conflicts, records] = await Promise.all([view.conflicts(keys), recordsOf(view, dirty)]);
    const buckets = [...new Set(dirty.map((state) => bucketOf(state.table, state.id)))];
    const copies = await view.files(read.folder, buckets.map(bucketPath));
    const remote = new Map(copies.flatMap((copy) => copy?.entries ?? []).map((e) => [recordKey(e.table, e.id), e]));
    const sent: Sent[] = [];
    const unsent: string[] = [];
    let heldBack = 0;
    dirty.forEach((state, i) => {
      if (conflicts[i]) return;
      const known = remote.get(state.key);
      const data = records.get(state.key);
      // Made and deleted here between two syncs: no server ever had it.
      if (!data && !known) return unsent.push(state.key);
      const entry: SyncEntry = { table: state.table, id: state.id, rev: Math.max(state.rev, (known?.rev ?? 0) + 1), device: deviceId };
      if (data) entry.data = data;
      else entry.deletedAt = state.deletedAt ?? ctx.now();
      // A record the other devices would refuse would stop their every sync: it stays here, dirty.
      if (entryProblem(entry)) return void heldBack++;
      sent.push({ entry, seenRev: state.rev });
    });
    return { sent, unsent, heldBack };
  });
}

/** Stores what the server confirmed: the new file copies, and the sent records as agreed. */
async function takePersonalWrite(ctx: Context, copies: Parameters<LocalView['putFiles']>[0], sent: readonly Sent[], unsent: readonly string[]): Promise<void> {
  await ctx.local.confirmed(async (view) => {
    const keys = [...sent.map((s) => recordKey(s.entry.table, s.entry.id)), ...unsent];
    const states = await view.states(keys);
    const rows: SyncRecordState[] = [];
    sent.forEach(({ entry, seenRev }, i) => {
      const state = states[i];
      const version = { rev: entry.rev, device: entry.device };
      if (!state) return;
      if (state.rev !== seenRev) rows.push({ ...state, synced: version });
      else rows.push({ ...state, ...version, synced: version, dirty: 0 });
    });
    unsent.forEach((_, j) => {
      const state = states[sent.length + j];
      if (state?.dirty && state.deletedAt !== undefined) rows.push({ ...state, dirty: 0 });
    });
    await view.putStates(rows);
    await view.putFiles(copies);
  });
}

/** One sync of the personal folder, without the status record. */
async function syncPersonalFolder(ctx: Context): Promise<SyncOutcome> {
  const config = await ctx.store.read();
  if (!config.personal) return { ok: false, reason: 'not-configured', message: 'No server is set up.' };
  const client = clientFor(ctx, config.personal);
  // Read once for the fork and, when nothing else changes the states before, for what to send:
  // after a large sync the dirty index is slow to scan even when it is empty (the deleted
  // entries stay in the database's files for a while).
  let dirty: SyncRecordState[] | undefined = await ctx.local.dirtyStates();
  if ((await forkEditedTeamItems(ctx, dirty)).length) dirty = undefined;
  let reread = new Set<string>();
  let received = 0;
  // Sent by an earlier round (or sync) whose write was cut short, and found on the server since.
  let landed = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await pauseBeforeRound(round);
    let read = await readFolder(client, ctx.local, PERSONAL_FOLDER, reread);
    if (read.emptied) {
      await resendEverything(ctx);
      read = await readFolder(client, ctx.local, PERSONAL_FOLDER);
    }
    // An index that did not change, and no bucket read again: nothing to store.
    if (round || !read.unchanged || read.fetched.length) dirty = undefined;
    if (!read.unchanged || read.fetched.length) {
      const taken = await takePersonalRead(ctx, read, config.deviceId);
      received += taken.received;
      landed += taken.landed;
    }
    const { sent, unsent, heldBack } = await personalOutgoing(ctx, read, config.deviceId, dirty);
    const written = await writeFolder(client, ctx.local, read, sent.map((s) => s.entry), ctx.now());
    if (!written.ok) {
      reread = written.reread;
      continue;
    }
    if (written.copies.length || unsent.length) await takePersonalWrite(ctx, written.copies, sent, unsent);
    return { ok: true, received, sent: landed + sent.length, conflicts: (await ctx.local.allConflicts()).length, heldBack };
  }
  return { ok: false, reason: 'conflict-retry-exhausted', message: `Other devices wrote the folder through ${MAX_ROUNDS} tries.` };
}

/** What failed, as an outcome. */
export function failure(error: unknown): SyncOutcome & { ok: false } {
  return { ok: false, reason: reasonOf(error), message: error instanceof Error ? error.message : String(error) };
}

/**
 * Syncs the personal library with the user's folder, and records the outcome (last good sync,
 * or last failure with its reason) in sync's settings.
 */
export function syncPersonal(deps: SyncDeps): Promise<SyncOutcome> {
  const ctx = contextOf(deps);
  return oneAtATime(ctx.db, async () => {
    const outcome = await syncPersonalFolder(ctx).catch(failure);
    if (outcome.ok || outcome.reason !== 'not-configured') {
      await ctx.store.update((config) => (config.personal ? { ...config, personal: { ...config.personal, status: withStatus(config.personal.status, outcome, ctx.now()) } } : config));
    }
    return outcome;
  });
}

/** A conflict as the panel shows it: both versions of the record. */
export interface ConflictView {
  key: string;
  table: SyncTable;
  id: string;
  /** This device's version (absent when deleted here). */
  local?: Record<string, unknown>;
  /** The other device's version. */
  remote: Record<string, unknown>;
  /** The device that wrote the other version. */
  remoteDevice: string;
  detectedAt: number;
}

/** The conflicts that wait for the user, oldest first. */
export async function listConflicts(db: ReportDatabase): Promise<ConflictView[]> {
  const local = dexieLocalStore(db);
  const conflicts = (await local.allConflicts()).sort((a, b) => a.detectedAt - b.detectedAt);
  const records = await local.confirmed((view) => recordsOf(view, conflicts));
  return conflicts.map((c) => ({ key: c.key, table: c.table, id: c.id, local: records.get(c.key), remote: c.remote.data!, remoteDevice: c.remote.device, detectedAt: c.detectedAt }));
}

/**
 * 'local': this device's version stands and is sent on the next sync; 'remote': the other
 * device's replaces it here; 'both': the other's takes the record's place and this device's
 * is kept as a new record beside it (not for settings, which have one record per key).
 */
export type ConflictChoice = 'local' | 'remote' | 'both';

export type ResolveOutcome = { ok: true; copyId?: string } | { ok: false; problem: 'no-conflict' | 'settings-have-no-copies' };

/** Settles the conflict of record `key` (a ConflictView's key) as the user chose. */
export async function resolveConflict(deps: SyncDeps, key: string, choice: ConflictChoice): Promise<ResolveOutcome> {
  const ctx = contextOf(deps);
  return oneAtATime(ctx.db, () =>
    ctx.local.confirmed(async (view): Promise<ResolveOutcome> => {
      const [conflict] = await view.conflicts([key]);
      if (!conflict) return { ok: false, problem: 'no-conflict' };
      if (choice === 'both' && conflict.table === 'settings') return { ok: false, problem: 'settings-have-no-copies' };
      const [state] = await view.states([key]);
      const [mine] = await view.records(conflict.table, [conflict.id]);
      const remote = conflict.remote;
      const version = { rev: remote.rev, device: remote.device };
      await view.deleteConflicts([key]);
      if (choice === 'local') {
        // Sent on the next sync, over the other version.
        await view.putStates([{ ...state!, synced: version, dirty: 1 }]);
        return { ok: true };
      }
      await view.putRecords(conflict.table, [incoming(ctx, conflict.table, remote.data!)]);
      await view.putStates([{ key, table: conflict.table, id: conflict.id, ...version, synced: version, dirty: 0 }]);
      if (choice === 'remote' || !mine) return { ok: true };
      const copy: StoredRecord = { ...mine, id: newId() };
      // One abbreviation names one snippet: the other version keeps it.
      if (conflict.table === 'snippets' && copy.abbreviation === remote.data!.abbreviation) delete copy.abbreviation;
      await view.putRecords(conflict.table, [copy]);
      await view.putStates([{ key: recordKey(conflict.table, copy.id), table: conflict.table, id: copy.id, rev: 1, device: '', dirty: 1 }]);
      return { ok: true, copyId: copy.id };
    }),
  );
}

/**
 * Sets (or, with null, removes) the user's own server. A different folder than before holds
 * none of what was sent to the old one: everything is sent again on the next sync.
 */
export async function setPersonalServer(deps: SyncDeps, account: ServerAccount | null): Promise<void> {
  const ctx = contextOf(deps);
  await oneAtATime(ctx.db, async () => {
    const before = (await ctx.store.read()).personal;
    await ctx.store.update((config) => {
      const next = { ...config };
      if (account) next.personal = { ...account, status: before?.url === account.url ? before.status : {} };
      else delete next.personal;
      return next;
    });
    if (before && before.url !== account?.url) await resendEverything(ctx);
  });
}

/** Whether `account` reaches a folder the server lets this user read: null, or why not. */
export async function checkFolder(deps: SyncDeps, account: ServerAccount): Promise<SyncReason | null> {
  try {
    await clientFor(contextOf(deps), account).propfind('', 0);
    return null;
  } catch (error) {
    return reasonOf(error);
  }
}

/** Syncs the personal library (when a server is set up) and pulls every team folder. */
export async function syncAll(deps: SyncDeps): Promise<{ personal?: SyncOutcome; teams: Record<string, TeamOutcome> }> {
  const config = await contextOf(deps).store.read();
  const personal = config.personal ? await syncPersonal(deps) : undefined;
  const teams: Record<string, TeamOutcome> = {};
  for (const team of config.teams) teams[team.id] = await pullTeam(deps, team.id);
  return { personal, teams };
}
