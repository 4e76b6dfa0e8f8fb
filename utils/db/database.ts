import Dexie, { type EntityTable } from 'dexie';
import { applyMigrations } from './migrations';
import type { PlaceholderRuleRecord, SettingRecord, Snippet, SyncConflict, SyncFileCopy, SyncRecordState, Template } from './schema';
import { syncStamps } from './sync-stamps';

const DATABASE_NAME = 'report-drafting';

/** Opened only by extension pages: a content script runs on the page's origin and asks instead. */
export class ReportDatabase extends Dexie {
  snippets!: EntityTable<Snippet, 'id'>;
  templates!: EntityTable<Template, 'id'>;
  placeholderRules!: EntityTable<PlaceholderRuleRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'id'>;
  syncRecords!: EntityTable<SyncRecordState, 'key'>;
  syncFiles!: EntityTable<SyncFileCopy, 'key'>;
  syncConflicts!: EntityTable<SyncConflict, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    applyMigrations(this);
    this.use(syncStamps);
  }
}

export function newId(): string {
  return crypto.randomUUID();
}

let shared: ReportDatabase | null = null;

/** The extension's one database, opened on first use. */
export function database(): ReportDatabase {
  shared ??= new ReportDatabase();
  return shared;
}
