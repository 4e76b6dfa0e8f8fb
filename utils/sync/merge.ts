/**
 * The three-way merge of one record: this device's version, the server's, and the version both
 * last agreed on (the base). Pure.
 *
 * - Only one side changed since the base: that side's version is taken.
 * - Both changed to the same content: nothing to do but note the agreement.
 * - Both changed, but one side only used the snippet (its use count and last use): the other
 *   side's content is taken with the uses of both added up, so that inserting a snippet on one
 *   device and editing it on another never stands as a conflict.
 * - One side deleted, the other edited: the edit is kept, as nothing of it is lost that way.
 * - Otherwise a true conflict: this device keeps its version, the server's waits beside it for
 *   the user to choose, and the record is not sent until then.
 */
import { sameRecord } from '../db/backup';
import type { RecordVersion, SyncEntry, SyncRecordState, SyncTable } from '../db/schema';

/** Fields a snippet's use changes: not content, merged rather than compared. */
const USAGE_FIELDS = ['useCount', 'lastUsedAt'] as const;

type Data = Record<string, unknown>;

export interface LocalSide {
  state?: SyncRecordState;
  /** The record as stored here; absent when deleted or never here. */
  data?: Data;
}

export type MergeDecision =
  /** The server's version is what this device already builds on, or tells nothing new. */
  | { kind: 'keep' }
  /**
   * This device now builds on `agreed`. `record` is what to store (absent: the record is
   * deleted here); `write` says whether it differs from what is stored; `dirty` whether it
   * still has to be sent.
   */
  | { kind: 'accept'; agreed: RecordVersion; record?: Data; write: boolean; dirty: boolean }
  | { kind: 'conflict'; remote: SyncEntry };

export const sameVersion = (a: RecordVersion | undefined, b: RecordVersion | undefined) => !!a && !!b && a.rev === b.rev && a.device === b.device;

function content(table: SyncTable, data: Data): Data {
  if (table !== 'snippets') return data;
  const rest = { ...data };
  for (const field of USAGE_FIELDS) delete rest[field];
  return rest;
}

const sameContent = (table: SyncTable, a: Data | undefined, b: Data | undefined) => !!a && !!b && sameRecord(content(table, a), content(table, b));

const numberField = (data: Data | undefined, field: string) => (typeof data?.[field] === 'number' ? (data[field] as number) : undefined);

/** `onto` with the uses of both sides: counts added up past the base, the later last use. */
function withUsage(table: SyncTable, onto: Data, local: Data, remote: Data, base: Data | undefined): Data {
  if (table !== 'snippets') return onto;
  const [mine, theirs, common] = [numberField(local, 'useCount') ?? 0, numberField(remote, 'useCount') ?? 0, numberField(base, 'useCount')];
  const useCount = common === undefined ? Math.max(mine, theirs) : Math.max(mine, theirs, mine + theirs - common);
  const merged: Data = { ...onto, useCount };
  const lastUsedAt = Math.max(numberField(local, 'lastUsedAt') ?? -Infinity, numberField(remote, 'lastUsedAt') ?? -Infinity);
  if (Number.isFinite(lastUsedAt)) merged.lastUsedAt = lastUsedAt;
  else delete merged.lastUsedAt;
  return merged;
}

/** Whether the record here changed since it last agreed with the server. */
const changedHere = (local: LocalSide) => (local.state ? local.state.dirty === 1 : local.data !== undefined);

/**
 * What to do with the server's entry `remote` for one record. `base` is the entry as the server
 * had it when this device last agreed with it, when that is known.
 */
export function mergeRecord(table: SyncTable, local: LocalSide, remote: SyncEntry, base: SyncEntry | undefined): MergeDecision {
  const agreed: RecordVersion = { rev: remote.rev, device: remote.device };
  const theirs = remote.deletedAt === undefined ? remote.data : undefined;
  if (sameVersion(local.state?.synced, remote)) return { kind: 'keep' };
  if (!changedHere(local)) {
    if (!local.state && !theirs) return { kind: 'keep' };
    return { kind: 'accept', agreed, record: theirs, write: true, dirty: false };
  }
  const mine = local.data;
  if (!mine && !theirs) return { kind: 'accept', agreed, write: false, dirty: false };
  if (!mine) return { kind: 'accept', agreed, record: theirs, write: true, dirty: false };
  if (!theirs) return { kind: 'accept', agreed, record: mine, write: false, dirty: true };
  if (sameRecord(mine, theirs)) return { kind: 'accept', agreed, record: mine, write: false, dirty: false };
  const common = base?.deletedAt === undefined ? base?.data : undefined;
  // Which side's content stands, when the other changed only by use.
  let onto: Data | undefined;
  if (sameContent(table, mine, theirs)) onto = mine;
  else if (sameContent(table, mine, common)) onto = theirs;
  else if (sameContent(table, theirs, common)) onto = mine;
  if (!onto) return { kind: 'conflict', remote };
  const merged = withUsage(table, onto, mine, theirs, common);
  return { kind: 'accept', agreed, record: merged, write: !sameRecord(merged, mine), dirty: !sameRecord(merged, theirs) };
}
