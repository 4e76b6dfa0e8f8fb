import { database } from '@/utils/db/database';
import { isPlainFamily, type ContentToBackground, type ContentToBackgroundAnswer } from '@/protocol/messages';
import { isMessage } from '@/protocol/schemas';
import { sanitizeAnywhere } from '@/utils/snippets/sanitize-anywhere';
import { triggerKey } from '@/utils/db/settings';
import { abbreviations, markUsed, snippetForAbbreviation } from '@/utils/snippets/store';
import { hasFields, renderSnippet, snippetLanguage } from '@/utils/snippets/fields';
import { escapeHtml } from '@/utils/report/html-text';
import type { Snippet } from '@/utils/db/schema';
import type { InsertPayload } from '@/protocol/messages';

/**
 * The snippet with its fields written as far as they can be without a form: dates, defaults,
 * other snippets, caret stops; a field with nothing to write stays for the checklist.
 */
async function written(snippet: Snippet, html: string | undefined): Promise<InsertPayload> {
  if (!hasFields(snippet.body) && !(html && hasFields(html))) return { text: snippet.body, html };
  const others = /\{\{\s*snippet\s*:/i.test(snippet.body) ? await database().snippets.toArray() : [];
  const lookup = (name: string) => (others.find((s) => s.title === name) ?? others.find((s) => s.abbreviation === name))?.body;
  const context = { now: new Date(), language: snippetLanguage(snippet.body), lookup, name: snippet.title, keepUnfilled: true };
  const result = renderSnippet({ body: snippet.body, html }, context, escapeHtml);
  // A cycle or a missing snippet: written as it stands, the references left for the checklist.
  if ('problem' in result) return { text: snippet.body, html };
  return { text: result.text, html: result.html, stops: result.stops.length ? result.stops : undefined };
}

type SnippetRequest = Extract<ContentToBackground, { type: 'abbreviations' | 'expand-abbreviation' }>;

async function answer(request: SnippetRequest): Promise<ContentToBackgroundAnswer<SnippetRequest['type']>> {
  const db = database();
  if (request.type === 'abbreviations') return { trigger: await triggerKey(db), abbreviations: await abbreviations(db) };
  const snippet = await snippetForAbbreviation(db, request.abbreviation);
  if (!snippet) return null;
  await markUsed(db, snippet.id, Date.now());
  // Plain editors take the text inline; rich ones the saved (sanitized) formatting.
  if (isPlainFamily(request.family) || !snippet.html) return written(snippet, undefined);
  const content = await written(snippet, snippet.html);
  // Sanitized when saved, and again on its way into a page: a record written by an older
  // version, or by a path yet to come, never reaches a page as it is.
  const html = await sanitizeAnywhere(content.html!).catch(() => null);
  return html === null ? written(snippet, undefined) : { ...content, html };
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
