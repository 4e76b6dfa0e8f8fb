/** Records kept in IndexedDB. Ids are `crypto.randomUUID()` strings, ready for sync later. */

export interface Snippet {
  id: string;
  title: string;
  /** Plain text of the snippet; the searchable form. */
  body: string;
  /** Sanitized rich form, when the snippet was saved from rich text. */
  html?: string;
  tags: string[];
  folder?: string;
  abbreviation?: string;
  createdAt: number;
  updatedAt: number;
  lastUsedAt?: number;
  useCount: number;
}

export interface TemplateSection {
  heading: string;
  level: number;
  /** Body text; may hold placeholders such as `{{单位名称}}`. */
  body: string;
  /** Advice for the writer, shown in the panel, never inserted. */
  guidance?: string;
  /** False for a heading written as is (a closing part); level 0, the title, is never numbered. */
  numbered?: boolean;
  children?: TemplateSection[];
}

export interface Template {
  id: string;
  title: string;
  kind: string;
  description: string;
  language: 'zh' | 'en';
  sections: TemplateSection[];
  createdAt: number;
  updatedAt: number;
}

export interface PlaceholderRuleRecord {
  id: string;
  name: string;
  pattern: string;
  flags: string;
  kind: string;
  enabled: boolean;
  createdAt: number;
}

/** One user setting, such as the key that expands abbreviations. */
export interface SettingRecord {
  id: string;
  value: string;
}

/** The tables that sync carries between devices and team folders. */
export type SyncTable = 'snippets' | 'templates' | 'placeholderRules' | 'settings';
export const SYNC_TABLES: readonly SyncTable[] = ['snippets', 'templates', 'placeholderRules', 'settings'];

/** A version of one record: a number the writer raised, and the device that wrote it. */
export interface RecordVersion {
  rev: number;
  device: string;
}

/** Where a record of a team folder came from: the subscription, and its version there. */
export interface TeamOrigin extends RecordVersion {
  subscription: string;
}

/**
 * Where one record stands with sync, kept beside the record rather than in it, so that the
 * records, their indexes and backups keep their shape. Every local write raises `rev` and marks
 * the record dirty (utils/db/sync-stamps.ts); a deletion leaves the row as a tombstone.
 */
export interface SyncRecordState {
  /** `${table}/${id}`. */
  key: string;
  table: SyncTable;
  id: string;
  rev: number;
  /** The device that wrote this version; empty for a local write no server has confirmed. */
  device: string;
  /** Set on a tombstone: when the record was deleted. */
  deletedAt?: number;
  /** The version last agreed with the personal folder (the base of a three-way merge). */
  synced?: RecordVersion;
  /** Set on a team item. */
  team?: TeamOrigin;
  /** 1 while a local write waits to be sent (a number: IndexedDB cannot index booleans). */
  dirty: 0 | 1;
}

/** One record as a sync folder holds it: its version, and its fields or a tombstone. */
export interface SyncEntry extends RecordVersion {
  table: SyncTable;
  id: string;
  deletedAt?: number;
  data?: Record<string, unknown>;
}

/**
 * This device's copy of one file of a sync folder, as the server last confirmed it: the index
 * (with the hash of each bucket this device holds) or a bucket of entries.
 */
export interface SyncFileCopy {
  /** `${folder}:${path}`. */
  key: string;
  /** 'personal', or the id of a team subscription. */
  folder: string;
  path: string;
  etag?: string;
  hash: string;
  entries?: SyncEntry[];
  index?: {
    generation: number;
    /** Each bucket's hash as the server's index gives it. */
    buckets: Record<string, { hash: string; count: number }>;
    /** Each bucket's hash as this device holds it; a difference is an index to repair. */
    held: Record<string, string>;
  };
}

/** A record both this device and another changed since they last agreed: the other side's version waits here. */
export interface SyncConflict {
  /** `${table}/${id}`. */
  key: string;
  table: SyncTable;
  id: string;
  remote: SyncEntry;
  detectedAt: number;
}
