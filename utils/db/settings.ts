/**
 * The settings table: every key it holds, with its type, its default and how a value from
 * outside (a backup) is checked. The one owner of each key; one JSON value per key, except the
 * abbreviation key and the welcome flag, which are stored as they are.
 */
import { checkOwnCleanupRule, parseCleanupSettings, type CleanupSettings } from '../settings/cleanup-settings';
import { normaliseColours, parseColour, type HighlightColours } from '../settings/colour';
import { parseSitePattern } from '../sites/pattern';
import { DEFAULT_TRIGGER, isTriggerKey, type TriggerKey } from '../snippets/record';
import type { ReportDatabase } from './database';
import type { SettingRecord } from './schema';

interface Setting<T> {
  key: string;
  /** The stored text as a value: missing or damaged text reads as the default. */
  read(stored: string | undefined): T;
  write(value: T): string;
  /** What is wrong with stored text from outside (a backup), or null when it is usable. */
  problem(stored: string): string | null;
}

function parseJson(value: string | undefined): unknown {
  try {
    return value === undefined ? undefined : JSON.parse(value);
  } catch {
    return undefined;
  }
}

function listOfStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

const TRIGGER: Setting<TriggerKey> = {
  key: 'abbreviation-trigger',
  read: (stored) => (isTriggerKey(stored) ? stored : DEFAULT_TRIGGER),
  write: (key) => key,
  problem: (stored) => (isTriggerKey(stored) ? null : `not a key that expands abbreviations: ${stored}`),
};

const COLOURS: Setting<HighlightColours> = {
  key: 'highlight-colours',
  read: (stored) => normaliseColours(parseJson(stored)),
  write: (colours) => JSON.stringify(colours),
  problem(stored) {
    const colours = parseJson(stored) as Partial<Record<keyof HighlightColours, unknown>> | undefined;
    const bad = (['all', 'current'] as const).find((key) => typeof colours?.[key] !== 'string' || !parseColour(colours[key] as string).ok);
    return bad ? `not a colour: ${String(colours?.[bad])}` : null;
  },
};

const CLEANUP: Setting<CleanupSettings> = {
  key: 'cleanup-rules',
  read: (stored) => parseCleanupSettings(stored),
  write: (settings) => JSON.stringify(settings),
  problem(stored) {
    const raw = parseJson(stored) as { off?: unknown; own?: unknown } | undefined;
    if (!raw || typeof raw !== 'object' || !listOfStrings(raw.off) || !Array.isArray(raw.own)) return 'damaged';
    const parsed = parseCleanupSettings(stored);
    if (parsed.own.length !== raw.own.length) return 'a damaged rule';
    for (const rule of parsed.own) {
      const check = checkOwnCleanupRule(rule);
      if (!check.ok) return `${rule.name}: ${check.message}`;
    }
    return null;
  },
};

/** The site patterns the extension is turned off on, as the user wrote them. */
const SITES_OFF: Setting<string[]> = {
  key: 'sites-off',
  read(stored) {
    const list = parseJson(stored);
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  },
  write: (list) => JSON.stringify(list),
  problem(stored) {
    const list = parseJson(stored);
    if (!listOfStrings(list)) return 'damaged';
    return list.find((pattern) => !parseSitePattern(pattern).ok) ?? null;
  },
};

const WELCOME_DISMISSED: Setting<boolean> = {
  key: 'welcome-dismissed',
  read: (stored) => stored === 'yes',
  write: () => 'yes',
  problem: (stored) => (stored === 'yes' ? null : stored),
};

/** The ids of the check's rules the user switched off; ids this version does not know are kept. */
const CHECK_RULES_OFF: Setting<string[]> = {
  key: 'check-rules-off',
  read(stored) {
    const list = parseJson(stored);
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  },
  write: (list) => JSON.stringify(list),
  problem: (stored) => (listOfStrings(parseJson(stored)) ? null : 'damaged'),
};

/** The kinds of placeholder the user switched off in the checklist; kinds this version does not know are kept. */
const PLACEHOLDER_KINDS_OFF: Setting<string[]> = {
  key: 'placeholder-kinds-off',
  read(stored) {
    const list = parseJson(stored);
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  },
  write: (list) => JSON.stringify(list),
  problem: (stored) => (listOfStrings(parseJson(stored)) ? null : 'damaged'),
};

const SETTINGS: readonly Setting<unknown>[] = [TRIGGER, COLOURS, CLEANUP, SITES_OFF, WELCOME_DISMISSED, CHECK_RULES_OFF, PLACEHOLDER_KINDS_OFF] as Setting<unknown>[];

/** The keys, for whatever names them to the user (an import preview). */
export const SETTING_KEYS = {
  trigger: TRIGGER.key,
  colours: COLOURS.key,
  cleanup: CLEANUP.key,
  sitesOff: SITES_OFF.key,
  welcomeDismissed: WELCOME_DISMISSED.key,
  checkRulesOff: CHECK_RULES_OFF.key,
  placeholderKindsOff: PLACEHOLDER_KINDS_OFF.key,
} as const;

async function get<T>(db: ReportDatabase, setting: Setting<T>): Promise<T> {
  return setting.read((await db.settings.get(setting.key))?.value);
}

async function put<T>(db: ReportDatabase, setting: Setting<T>, value: T): Promise<void> {
  await db.settings.put({ id: setting.key, value: setting.write(value) });
}

export const triggerKey = (db: ReportDatabase) => get(db, TRIGGER);
export const setTriggerKey = (db: ReportDatabase, key: TriggerKey) => put(db, TRIGGER, key);
export const highlightColours = (db: ReportDatabase) => get(db, COLOURS);
export const setHighlightColours = (db: ReportDatabase, colours: HighlightColours) => put(db, COLOURS, colours);
export const cleanupSettings = (db: ReportDatabase) => get(db, CLEANUP);
export const setCleanupSettings = (db: ReportDatabase, settings: CleanupSettings) => put(db, CLEANUP, settings);
export const sitesOff = (db: ReportDatabase) => get(db, SITES_OFF);
export const setSitesOff = (db: ReportDatabase, list: readonly string[]) => put(db, SITES_OFF, [...list]);
export const welcomeDismissed = (db: ReportDatabase) => get(db, WELCOME_DISMISSED);
export const dismissWelcome = (db: ReportDatabase) => put(db, WELCOME_DISMISSED, true);
export const checkRulesOff = (db: ReportDatabase) => get(db, CHECK_RULES_OFF);
export const setCheckRulesOff = (db: ReportDatabase, ids: readonly string[]) => put(db, CHECK_RULES_OFF, [...new Set(ids)]);
export const placeholderKindsOff = (db: ReportDatabase) => get(db, PLACEHOLDER_KINDS_OFF);
export const setPlaceholderKindsOff = (db: ReportDatabase, kinds: readonly string[]) => put(db, PLACEHOLDER_KINDS_OFF, [...new Set(kinds)]);

/** What a setting record from outside (a backup) holds: usable, unknown to this version, or damaged. */
export type SettingCheck = { ok: true; known: boolean } | { ok: false; message: string };

/**
 * Whether `record` holds a value the extension can use, checked as the Settings tab checks what
 * the user types: colours that parse, cleanup rules that pass the rule check, site patterns that
 * parse. A setting this version does not know (one a later version added) is `known: false`.
 */
export function checkSetting(record: SettingRecord): SettingCheck {
  const setting = SETTINGS.find((s) => s.key === record.id);
  if (!setting) return { ok: true, known: false };
  const problem = setting.problem(record.value);
  return problem === null ? { ok: true, known: true } : { ok: false, message: problem };
}

/**
 * The value a setting takes when a backup brings `incoming` and the database holds `current`:
 * the backup's, except that sites turned off add up (an import never turns the extension back
 * on anywhere).
 */
export function mergedSetting(current: SettingRecord | undefined, incoming: SettingRecord): SettingRecord {
  if (incoming.id !== SITES_OFF.key || !current) return incoming;
  const mine = parseJson(current.value);
  const theirs = parseJson(incoming.value) as string[];
  const list = listOfStrings(mine) ? [...mine, ...theirs.filter((pattern) => !mine.includes(pattern))] : theirs;
  return { id: incoming.id, value: JSON.stringify(list) };
}
