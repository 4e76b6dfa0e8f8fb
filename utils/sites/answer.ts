import type { ReportDatabase } from '../db/database';
import { sitePatternsMatching } from './pattern';
import { sitesOff } from '../db/settings';

/**
 * Whether any of `addresses` is a site turned off; null when the list could not be read. The
 * content script counts null as off: a site the user turned off must never be read because the
 * database failed.
 */
export async function siteAnswer(open: () => ReportDatabase, addresses: readonly string[]): Promise<boolean | null> {
  try {
    return sitePatternsMatching(await sitesOff(open()), addresses).length > 0;
  } catch {
    return null;
  }
}
