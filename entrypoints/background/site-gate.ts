import { database } from '@/utils/db/database';
import { isMessage } from '@/protocol/schemas';
import { siteAnswer } from '@/utils/sites/answer';

/**
 * Answers a content script (which cannot open the database) that asks once, before its first
 * real work, whether its page's site is turned off.
 *
 * Asking, rather than mirroring the list where content scripts can read it: storage.local
 * would need the `storage` permission, and the page side would have to carry the pattern
 * matcher too; one message per frame, only in frames where an editor is focused or the panel
 * asks, keeps editor-agent.js small and the list in one place.
 */
export function setUpSiteGate(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || !isMessage('contentToBackground', message) || message.type !== 'site-off') return;
    // The frame's own address as the browser reports it counts too, whatever the page says.
    const addresses = sender.url ? [...message.addresses, sender.url] : message.addresses;
    void siteAnswer(database, addresses).then(sendResponse);
    return true;
  });
}
