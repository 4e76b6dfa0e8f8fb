/**
 * The background's part in the site list: a content script (which cannot open the database)
 * asks once, before its first real work, whether its page's site is turned off.
 *
 * Asking, rather than mirroring the list where content scripts can read it: storage.local
 * would need the `storage` permission, and the page side would have to carry the pattern
 * matcher too; one message per frame, only in frames where an editor is focused or the panel
 * asks, keeps editor-agent.js tiny and the list in one place.
 */
import { database, type ReportDatabase } from '../db/database';
import { isSiteRequest } from '../messaging';
import { sitePatternsMatching } from './pattern';
import { sitesOff } from './store';

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

export function setUpSites(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || !isSiteRequest(message)) return;
    // The frame's own address as the browser reports it counts too, whatever the page says.
    const addresses = sender.url ? [...message.addresses, sender.url] : message.addresses;
    void siteAnswer(database, addresses).then(sendResponse);
    return true;
  });
}
