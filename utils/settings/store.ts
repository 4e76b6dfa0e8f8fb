/** Settings kept in the settings table, one JSON value per key (as the abbreviation key is). */
import type { ReportDatabase } from '../db/database';
import { parseCleanupSettings, type CleanupSettings } from './cleanup-settings';
import { normaliseColours, type HighlightColours } from './colour';

const COLOURS_SETTING = 'highlight-colours';
const CLEANUP_SETTING = 'cleanup-rules';

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
