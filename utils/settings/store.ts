/** Settings kept in the settings table, one JSON value per key (as the abbreviation key is). */
import type { ReportDatabase } from '../db/database';
import type { SettingRecord } from '../db/schema';
import { parseSitePattern } from '../sites/pattern';
import { SITES_OFF_SETTING, WELCOME_SETTING } from '../sites/store';
import { isTriggerKey } from '../snippets/record';
import { TRIGGER_SETTING } from '../snippets/store';
import { checkOwnCleanupRule, parseCleanupSettings, type CleanupSettings } from './cleanup-settings';
import { normaliseColours, parseColour, type HighlightColours } from './colour';

export const COLOURS_SETTING = 'highlight-colours';
export const CLEANUP_SETTING = 'cleanup-rules';

function parseJson(value: string | undefined): unknown {
  try {
    return value === undefined ? undefined : JSON.parse(value);
  } catch {
    return undefined;
  }
}

export async function highlightColours(db: ReportDatabase): Promise<HighlightColours> {
  return normaliseColours(parseJson((await db.settings.get(COLOURS_SETTING))?.value));
}

export async function setHighlightColours(db: ReportDatabase, colours: HighlightColours): Promise<void> {
  await db.settings.put({ id: COLOURS_SETTING, value: JSON.stringify(colours) });
}

export async function cleanupSettings(db: ReportDatabase): Promise<CleanupSettings> {
  return parseCleanupSettings((await db.settings.get(CLEANUP_SETTING))?.value);
}

export async function setCleanupSettings(db: ReportDatabase, settings: CleanupSettings): Promise<void> {
  await db.settings.put({ id: CLEANUP_SETTING, value: JSON.stringify(settings) });
}

/** What a setting record from outside (a backup) holds: usable, unknown to this version, or damaged. */
export type SettingCheck = { ok: true; known: boolean } | { ok: false; message: string };

function listOfStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Whether `record` holds a value the extension can use, checked as the Settings tab checks what
 * the user types: colours that parse, cleanup rules that pass the rule check, site patterns that
 * parse. A setting this version does not know (one a later version added) is `known: false`.
 */
export function checkSetting(record: SettingRecord): SettingCheck {
  const json = parseJson(record.value);
  switch (record.id) {
    case TRIGGER_SETTING:
      return isTriggerKey(record.value) ? { ok: true, known: true } : { ok: false, message: `not a key that expands abbreviations: ${record.value}` };
    case WELCOME_SETTING:
      return record.value === 'yes' ? { ok: true, known: true } : { ok: false, message: record.value };
    case COLOURS_SETTING: {
      const colours = json as Partial<Record<keyof HighlightColours, unknown>> | undefined;
      const bad = (['all', 'current'] as const).find((key) => typeof colours?.[key] !== 'string' || !parseColour(colours[key] as string).ok);
      return bad ? { ok: false, message: `not a colour: ${String(colours?.[bad])}` } : { ok: true, known: true };
    }
    case CLEANUP_SETTING: {
      const raw = json as { off?: unknown; own?: unknown } | undefined;
      if (!raw || typeof raw !== 'object' || !listOfStrings(raw.off) || !Array.isArray(raw.own)) return { ok: false, message: 'damaged' };
      const parsed = parseCleanupSettings(record.value);
      if (parsed.own.length !== raw.own.length) return { ok: false, message: 'a damaged rule' };
      for (const rule of parsed.own) {
        const check = checkOwnCleanupRule(rule);
        if (!check.ok) return { ok: false, message: `${rule.name}: ${check.message}` };
      }
      return { ok: true, known: true };
    }
    case SITES_OFF_SETTING: {
      if (!listOfStrings(json)) return { ok: false, message: 'damaged' };
      const bad = json.find((pattern) => !parseSitePattern(pattern).ok);
      return bad === undefined ? { ok: true, known: true } : { ok: false, message: bad };
    }
    default:
      return { ok: true, known: false };
  }
}

/**
 * The value a setting takes when a backup brings `incoming` and the database holds `current`:
 * the backup's, except that sites turned off add up (an import never turns the extension back
 * on anywhere).
 */
export function mergedSetting(current: SettingRecord | undefined, incoming: SettingRecord): SettingRecord {
  if (incoming.id !== SITES_OFF_SETTING || !current) return incoming;
  const mine = parseJson(current.value);
  const theirs = parseJson(incoming.value) as string[];
  const list = listOfStrings(mine) ? [...mine, ...theirs.filter((pattern) => !mine.includes(pattern))] : theirs;
  return { id: incoming.id, value: JSON.stringify(list) };
}
