/**
 * Team libraries: a shared WebDAV folder (the same layout as the personal one) of snippets,
 * templates and placeholder rules that members subscribe to. The team folder is the one source
 * of its items: they arrive as team items (their state names the subscription and the version
 * there), never travel in the personal folder, and a member's edit to one becomes a personal
 * copy while the team item returns to the team's version. An editor publishes a personal item
 * as a new team item; the server's permissions decide who is an editor: a write refused to a
 * user whose reads it accepts marks the subscription read-only, and nothing else changes.
 */
import { newId, type ReportDatabase } from '../db/database';
import type { SyncEntry, SyncRecordState, SyncTable, TeamOrigin } from '../db/schema';
import { SyncError, type SyncReason } from './errors';
import { bucketOf, bucketPath, entryProblem, recordKey } from './format';
import { copiesOfRead, pauseBeforeRound, readFolder, writeFolder, type FolderRead } from './folder';
import type { StoredRecord } from './local-store';
import { sameVersion } from './merge';
import { clientFor, contextOf, failure, groupBy, incoming, oneAtATime, recordsOf, withStatus, type Context, type SyncDeps } from './sync-engine';
import type { ServerAccount, TeamSubscription } from './sync-store';

/** The tables a team library holds: settings stay each user's own. */
export type TeamTable = Exclude<SyncTable, 'settings'>;
const ROUNDS = 4;

export interface ItemTitle {
  table: TeamTable;
  id: string;
  title: string;
}

/** What a pull of a team folder changed here. */
export interface TeamChanges {
  added: ItemTitle[];
  updated: ItemTitle[];
  removed: ItemTitle[];
}

export type TeamOutcome<T = object> = ({ ok: true; changes: TeamChanges } & T) | { ok: false; reason: SyncReason; message: string };

const titleOf = (data: Record<string, unknown> | undefined) => String(data?.title ?? data?.name ?? '');

/** The team folder's read, stored: each team item added, updated or removed as the folder has it. */
async function takeTeamRead(ctx: Context, read: FolderRead, subscription: string): Promise<TeamChanges> {
  const entries = read.fetched.flatMap((bucket) => bucket.entries).filter((entry): entry is SyncEntry & { table: TeamTable } => entry.table !== 'settings');
  const changes: TeamChanges = { added: [], updated: [], removed: [] };
  await ctx.local.confirmed(async (view) => {
    const keys = entries.map((entry) => recordKey(entry.table, entry.id));
    const [states, records] = await Promise.all([view.states(keys), recordsOf(view, entries)]);
    const puts: { table: TeamTable; record: StoredRecord }[] = [];
    const deletes: { table: TeamTable; id: string }[] = [];
    const rows: SyncRecordState[] = [];
    entries.forEach((entry, i) => {
      const state = states[i];
      // A personal record, or another team's item, is never overwritten by a team folder.
      if (state && state.team?.subscription !== subscription) return;
      if (state && sameVersion(state.team, entry)) return;
      const team: TeamOrigin = { subscription, rev: entry.rev, device: entry.device };
      const item = { table: entry.table, id: entry.id };
      if (entry.deletedAt !== undefined) {
        if (!state) return;
        if (state.deletedAt === undefined) {
          deletes.push(item);
          changes.removed.push({ ...item, title: titleOf(records.get(keys[i])) });
        }
        rows.push({ ...state, team, deletedAt: state.deletedAt ?? entry.deletedAt, dirty: 0 });
        return;
      }
      // The member deleted it here: it stays deleted.
      if (state?.deletedAt !== undefined) return rows.push({ ...state, team });
      puts.push({ table: entry.table, record: incoming(ctx, entry.table, entry.data!) });
      rows.push({ key: keys[i], table: entry.table, id: entry.id, rev: entry.rev, device: entry.device, team, dirty: 0 });
      (state ? changes.updated : changes.added).push({ ...item, title: titleOf(entry.data) });
    });
    for (const [table, group] of groupBy(puts, (p) => p.table)) await view.putRecords(table, group.map((p) => p.record));
    for (const [table, group] of groupBy(deletes, (d) => d.table)) await view.deleteRecords(table, group.map((d) => d.id));
    await view.putStates(rows);
    await view.putFiles(copiesOfRead(read));
  });
  return changes;
}

/**
 * Team items edited here become personal copies (new ids, sent with the personal library),
 * and the team items return to the team's version. Returns the copies' keys. `dirty` is the
 * dirty states when the caller has just read them.
 */
export async function forkEditedTeamItems(ctx: Context, dirty?: readonly SyncRecordState[]): Promise<string[]> {
  const edited = (dirty ?? (await ctx.local.dirtyStates())).filter((state) => state.team);
  if (!edited.length) return [];
  return ctx.local.confirmed(async (view) => {
    const records = await recordsOf(view, edited);
    const copies: string[] = [];
    for (const [subscription, group] of groupBy(edited, (state) => state.team!.subscription)) {
      const files = await view.files(subscription, [...new Set(group.map((s) => bucketPath(bucketOf(s.table, s.id))))]);
      const teamEntries = new Map(files.flatMap((file) => file?.entries ?? []).map((e) => [recordKey(e.table, e.id), e]));
      for (const state of group) {
        const data = records.get(state.key);
        const team = teamEntries.get(state.key);
        if (data) {
          const copy: StoredRecord = { ...data, id: newId() };
          const key = recordKey(state.table, copy.id);
          await view.putRecords(state.table, [copy]);
          await view.putStates([{ key, table: state.table, id: copy.id, rev: 1, device: '', dirty: 1 }]);
          copies.push(key);
        }
        if (data && team?.data) {
          await view.putRecords(state.table, [incoming(ctx, state.table, team.data)]);
          await view.putStates([{ key: state.key, table: state.table, id: state.id, rev: team.rev, device: team.device, team: state.team, dirty: 0 }]);
        } else {
          // Deleted here (or its team version unknown): the team item stays away until the team changes it.
          if (data) await view.deleteRecords(state.table, [state.id]);
          await view.putStates([{ ...state, deletedAt: state.deletedAt ?? ctx.now(), dirty: 0 }]);
        }
      }
    }
    return copies;
  });
}

async function subscriptionOf(ctx: Context, id: string): Promise<TeamSubscription> {
  const subscription = (await ctx.store.read()).teams.find((team) => team.id === id);
  if (!subscription) throw new SyncError('not-configured', `No team folder ${id}.`);
  return subscription;
}

async function recordOutcome(ctx: Context, id: string, outcome: { ok: boolean; reason?: SyncReason }, readOnly?: boolean): Promise<void> {
  await ctx.store.update((config) => ({
    ...config,
    teams: config.teams.map((team) => (team.id === id ? { ...team, readOnly: readOnly ?? team.readOnly, status: withStatus(team.status, outcome, ctx.now()) } : team)),
  }));
}

async function pullSubscription(ctx: Context, subscription: TeamSubscription): Promise<TeamChanges> {
  await forkEditedTeamItems(ctx);
  const read = await readFolder(clientFor(ctx, subscription), ctx.local, subscription.id);
  return takeTeamRead(ctx, read, subscription.id);
}

/** Fetches what changed in a team folder, and lists what that added, updated and removed here. */
export function pullTeam(deps: SyncDeps, subscriptionId: string): Promise<TeamOutcome> {
  const ctx = contextOf(deps);
  return oneAtATime(ctx.db, async () => {
    const outcome = await subscriptionOf(ctx, subscriptionId)
      .then((subscription) => pullSubscription(ctx, subscription))
      .then((changes): TeamOutcome => ({ ok: true, changes }), failure);
    await recordOutcome(ctx, subscriptionId, outcome);
    return outcome;
  });
}

/**
 * Subscribes to the team folder at `account.url` (which must exist) and pulls it. The
 * subscription is kept only when the folder could be read.
 */
export function subscribeTeam(deps: SyncDeps, account: ServerAccount & { name: string }): Promise<TeamOutcome<{ subscription: TeamSubscription }>> {
  const ctx = contextOf(deps);
  return oneAtATime(ctx.db, async () => {
    const subscription: TeamSubscription = { ...account, id: newId(), readOnly: false, status: {} };
    try {
      await clientFor(ctx, subscription).propfind('', 0);
      await ctx.store.update((config) => ({ ...config, teams: [...config.teams, subscription] }));
      const changes = await pullSubscription(ctx, subscription);
      await recordOutcome(ctx, subscription.id, { ok: true });
      return { ok: true, changes, subscription: (await subscriptionOf(ctx, subscription.id)) };
    } catch (error) {
      await ctx.store.update((config) => ({ ...config, teams: config.teams.filter((team) => team.id !== subscription.id) }));
      await ctx.local.forgetFolder(subscription.id);
      return failure(error);
    }
  });
}

/** Ends a subscription: its team items leave this device (personal copies of them stay). */
export function unsubscribeTeam(deps: SyncDeps, subscriptionId: string): Promise<void> {
  const ctx = contextOf(deps);
  return oneAtATime(ctx.db, async () => {
    await ctx.store.update((config) => ({ ...config, teams: config.teams.filter((team) => team.id !== subscriptionId) }));
    await ctx.local.forgetFolder(subscriptionId);
  });
}

/** A write refused to a user the server just let read: 403 or 405, or 401 for a user it knows. */
const refusedWrite = (error: unknown) => error instanceof SyncError && (error.status === 401 || error.status === 403 || error.status === 405);

/**
 * Writes `entry` (made from what the folder holds once read) to a team folder and stores it
 * here as a team item. A folder the server will not let this user write marks the
 * subscription read-only and answers 'read-only'.
 */
function writeTeam(deps: SyncDeps, subscriptionId: string, entryFor: (read: FolderRead, deviceId: string) => Promise<SyncEntry>): Promise<TeamOutcome<{ teamId: string }>> {
  const ctx = contextOf(deps);
  return oneAtATime(ctx.db, async () => {
    let readOnly: boolean | undefined;
    const outcome = await (async (): Promise<TeamOutcome<{ teamId: string }>> => {
      const subscription = await subscriptionOf(ctx, subscriptionId);
      const { deviceId } = await ctx.store.read();
      const client = clientFor(ctx, subscription);
      let reread = new Set<string>();
      for (let round = 0; round < ROUNDS; round++) {
        await pauseBeforeRound(round);
        await forkEditedTeamItems(ctx);
        const read = await readFolder(client, ctx.local, subscription.id, reread);
        const changes = await takeTeamRead(ctx, read, subscription.id);
        const entry = await entryFor(read, deviceId);
        const written = await writeFolder(client, ctx.local, read, [entry], ctx.now()).catch((error: unknown) => {
          if (!refusedWrite(error)) throw error;
          readOnly = true;
          throw new SyncError('read-only', `${subscription.name}: the server lets this user read the folder, not write it.`, (error as SyncError).status);
        });
        if (!written.ok) {
          reread = written.reread;
          continue;
        }
        const key = recordKey(entry.table, entry.id);
        const team = { subscription: subscription.id, rev: entry.rev, device: entry.device };
        await ctx.local.confirmed(async (view) => {
          if (entry.data) await view.putRecords(entry.table, [incoming(ctx, entry.table, entry.data)]);
          else await view.deleteRecords(entry.table, [entry.id]);
          const row: SyncRecordState = { key, table: entry.table, id: entry.id, rev: entry.rev, device: entry.device, team, dirty: 0 };
          if (entry.deletedAt !== undefined) row.deletedAt = entry.deletedAt;
          await view.putStates([row]);
          await view.putFiles(written.copies);
        });
        readOnly = false;
        return { ok: true, changes, teamId: entry.id };
      }
      throw new SyncError('conflict-retry-exhausted', `Other members wrote the folder through ${ROUNDS} tries.`);
    })().catch(failure);
    await recordOutcome(ctx, subscriptionId, outcome, readOnly);
    return outcome;
  });
}

/** The version a team folder holds of `id`, as this device last read it. */
async function teamEntry(ctx: Context, read: FolderRead, table: TeamTable, id: string): Promise<SyncEntry | undefined> {
  const copy = await ctx.local.file(read.folder, bucketPath(bucketOf(table, id)));
  return copy?.entries?.find((e) => e.table === table && e.id === id);
}

/**
 * Publishes a personal snippet, template or rule to a team folder (the personal record stays
 * as it is): as a new team item, or, with `replaces`, as the new version of that team item.
 */
export function publishToTeam(deps: SyncDeps, subscriptionId: string, table: TeamTable, id: string, replaces?: string): Promise<TeamOutcome<{ teamId: string }>> {
  const ctx = contextOf(deps);
  const teamId = replaces ?? newId();
  return writeTeam(deps, subscriptionId, async (read, device) => {
    const record = await ctx.db.table<StoredRecord, string>(table).get(id);
    if (!record) throw new SyncError('not-found', `No ${table} record ${id} here.`);
    const before = replaces ? await teamEntry(ctx, read, table, replaces) : undefined;
    const entry: SyncEntry = { table, id: teamId, rev: (before?.rev ?? 0) + 1, device, data: { ...record, id: teamId } };
    // Every member reads the whole folder: one record they would refuse would stop all their updates.
    const problem = entryProblem(entry);
    if (problem) throw new SyncError('unsendable', `${table} ${id}: ${problem}`);
    return entry;
  });
}

/** Removes a team item from the team folder (a tombstone, so that every member's copy goes too). */
export function removeFromTeam(deps: SyncDeps, subscriptionId: string, table: TeamTable, teamId: string): Promise<TeamOutcome<{ teamId: string }>> {
  const ctx = contextOf(deps);
  return writeTeam(deps, subscriptionId, async (read, device) => {
    const before = await teamEntry(ctx, read, table, teamId);
    return { table, id: teamId, rev: (before?.rev ?? 0) + 1, device, deletedAt: ctx.now() };
  });
}

/** Where a record came from, when it is a team item. */
export async function teamOrigin(db: ReportDatabase, table: SyncTable, id: string): Promise<TeamOrigin | undefined> {
  const state = await db.syncRecords.get(recordKey(table, id));
  return state?.deletedAt === undefined ? state?.team : undefined;
}
