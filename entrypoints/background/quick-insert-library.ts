import { isMessage } from '@/protocol/schemas';
import { database } from '@/utils/db/database';
import { allSnippets, markUsed } from '@/utils/snippets/store';

/**
 * The quick-insert box's library. The box is an extension page framed in a web page, where the
 * browser may refuse it the extension's own database (third-party storage), so it asks here.
 * Answered only to the extension's own pages: a content script's sender is the web page.
 */
export function setUpQuickInsertLibrary(): void {
  const ownPages = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || !sender.url || new URL(sender.url).origin !== ownPages) return;
    if (!isMessage('quickInsertToBackground', message)) return;
    const db = database();
    const work = message.type === 'quick-insert-library' ? allSnippets(db) : markUsed(db, message.id, Date.now()).then(() => undefined);
    work.then(sendResponse, () => sendResponse(message.type === 'quick-insert-library' ? [] : undefined));
    return true;
  });
}
