/** The panel's own settings kept in the `settings` table: the sites turned off, the first-run welcome. */
import type { ReportDatabase } from '../db/database';

export const SITES_OFF_SETTING = 'sites-off';
export const WELCOME_SETTING = 'welcome-dismissed';

/** The site patterns the extension is turned off on, as the user wrote them. */
export async function sitesOff(db: ReportDatabase): Promise<string[]> {
  const value = (await db.settings.get(SITES_OFF_SETTING))?.value;
  if (!value) return [];
  try {
    const list: unknown = JSON.parse(value);
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export async function setSitesOff(db: ReportDatabase, list: readonly string[]): Promise<void> {
  await db.settings.put({ id: SITES_OFF_SETTING, value: JSON.stringify(list) });
}

export async function welcomeDismissed(db: ReportDatabase): Promise<boolean> {
  return (await db.settings.get(WELCOME_SETTING))?.value === 'yes';
}

export async function dismissWelcome(db: ReportDatabase): Promise<void> {
  await db.settings.put({ id: WELCOME_SETTING, value: 'yes' });
}
