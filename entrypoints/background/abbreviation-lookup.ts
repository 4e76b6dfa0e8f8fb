import { database } from '@/utils/db/database';
import { isPlainFamily, type ContentToBackground, type ContentToBackgroundAnswer } from '@/protocol/messages';
import { isMessage } from '@/protocol/schemas';
import { sanitizeAnywhere } from '@/utils/snippets/sanitize-anywhere';
import { triggerKey } from '@/utils/db/settings';
import { abbreviations, markUsed, snippetForAbbreviation } from '@/utils/snippets/store';

type SnippetRequest = Extract<ContentToBackground, { type: 'abbreviations' | 'expand-abbreviation' }>;

async function answer(request: SnippetRequest): Promise<ContentToBackgroundAnswer<SnippetRequest['type']>> {
  const db = database();
  if (request.type === 'abbreviations') return { trigger: await triggerKey(db), abbreviations: await abbreviations(db) };
  const snippet = await snippetForAbbreviation(db, request.abbreviation);
  if (!snippet) return null;
  await markUsed(db, snippet.id, Date.now());
  // Plain editors take the text inline; rich ones the saved (sanitized) formatting.
  if (isPlainFamily(request.family) || !snippet.html) return { text: snippet.body };
  // Sanitized when saved, and again on its way into a page: a record written by an older
  // version, or by a path yet to come, never reaches a page as it is.
  const html = await sanitizeAnywhere(snippet.html).catch(() => null);
  return html === null ? { text: snippet.body } : { text: snippet.body, html };
}

/**
 * Content scripts (which cannot open the database) look abbreviations up here: the ones in use
 * and the trigger key when an editor gains focus, then the snippet of the one typed.
 */
export function setUpAbbreviationLookup(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only this extension's content scripts; the answers hold nothing a page could not type.
    if (sender.id !== browser.runtime.id || !isMessage('contentToBackground', message) || message.type === 'site-off') return;
    answer(message).then(sendResponse, () => sendResponse(null));
    return true;
  });
}
