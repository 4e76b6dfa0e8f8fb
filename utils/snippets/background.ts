/**
 * The background's part in snippets: the page's context menu and a keyboard command save the
 * selection, and content scripts (which cannot open the database) look abbreviations up here.
 */
import type { Browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { database, newId, type ReportDatabase } from '../db/database';
import type { Snippet } from '../db/schema';
import {
  isPlainFamily,
  isSelectedContent,
  isSnippetRequest,
  type AbbreviationsAnswer,
  type ContentRequest,
  type ExpansionAnswer,
  type SelectedContent,
  type SnippetRequest,
} from '../messaging';
import { hasMarkup, newSnippet } from './record';
import { SanitizeFailed, sanitizeAnywhere } from './sanitize-anywhere';
import { abbreviations, markUsed, snippetForAbbreviation, triggerKey } from './store';

export const SAVE_SNIPPET_MENU = 'save-selection-as-snippet';
export const SAVE_SNIPPET_COMMAND = 'save-snippet';

/**
 * Saves selected page content as a new snippet: the text as its body, the HTML (sanitized)
 * when the selection had formatting. Null when nothing but whitespace was selected.
 */
export async function saveSelectionAsSnippet(
  db: ReportDatabase,
  content: SelectedContent,
  sanitize: (html: string) => Promise<string>,
  now = Date.now(),
): Promise<Snippet | null> {
  const body = content.text.trim();
  if (!body) return null;
  const html = hasMarkup(content.html) ? await sanitize(content.html) : undefined;
  const snippet = newSnippet({ body, html }, newId(), now);
  await db.snippets.add(snippet);
  return snippet;
}

/**
 * The selection of the tab's frame (`frameId`; any frame with focus when undefined), as its
 * content script reads it with its formatting, else the menu's plain `fallback` text.
 */
async function pageSelection(tabId: number, frameId: number | undefined, fallback = ''): Promise<SelectedContent | null> {
  const request: ContentRequest = { type: 'read-page-selection' };
  const answer: unknown = await browser.tabs.sendMessage(tabId, request, frameId === undefined ? {} : { frameId }).catch(() => undefined);
  if (isSelectedContent(answer) && answer.text.trim()) return answer;
  return fallback.trim() ? { text: fallback } : null;
}

/** How long the toolbar button shows that a save worked; a failure stays until the next save. */
const SAVED_SHOWN_MS = 4000;
const clearing = new Map<number, ReturnType<typeof setTimeout>>();

/**
 * Tells on the toolbar button of the tab how a save from the menu or the keyboard went: a mark
 * on the button and the reason in its tooltip (no notification: that would need a permission).
 */
async function showOutcome(tabId: number, outcome: { saved: true; title: string } | { saved: false; reason: string }): Promise<void> {
  // Chrome's toolbar button is `action`; Firefox's (Manifest V2) is `browserAction`.
  const button = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  clearTimeout(clearing.get(tabId));
  await Promise.all([
    button.setBadgeBackgroundColor({ tabId, color: outcome.saved ? '#1a7f37' : '#b42318' }),
    button.setBadgeText({ tabId, text: outcome.saved ? '✓' : '!' }),
    button.setTitle({ tabId, title: outcome.saved ? i18n.t('badgeSaved', [outcome.title]) : outcome.reason }),
  ]).catch(() => {});
  if (!outcome.saved) return;
  clearing.set(
    tabId,
    setTimeout(() => {
      clearing.delete(tabId);
      void Promise.all([button.setBadgeText({ tabId, text: '' }), button.setTitle({ tabId, title: i18n.t('actionTitle') })]).catch(() => {});
    }, SAVED_SHOWN_MS),
  );
}

/** Saves what was selected in the tab, and says on the toolbar button whether it was saved, or why not. */
async function saveFromPage(tabId: number, content: SelectedContent | null): Promise<void> {
  let snippet: Snippet | null = null;
  let reason = i18n.t('badgeNothingSelected');
  try {
    if (content) snippet = await saveSelectionAsSnippet(database(), content, sanitizeAnywhere);
  } catch (error) {
    reason = error instanceof SanitizeFailed ? i18n.t('badgeSanitizeFailed') : i18n.t('badgeDatabaseFailed', [error instanceof Error ? error.message : String(error)]);
  }
  await showOutcome(tabId, snippet ? { saved: true, title: snippet.title } : { saved: false, reason });
}

/** What the context menu does on a click. */
async function onSaveSnippetMenu(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  if (info.menuItemId !== SAVE_SNIPPET_MENU || tab?.id === undefined) return;
  await saveFromPage(tab.id, await pageSelection(tab.id, info.frameId, info.selectionText));
}

async function answer(request: SnippetRequest): Promise<AbbreviationsAnswer | ExpansionAnswer> {
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

export function setUpSnippets(): void {
  // Menus outlive the service worker in Chrome and not a restart in Firefox: made afresh each start.
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: SAVE_SNIPPET_MENU, title: i18n.t('menuSaveSnippet'), contexts: ['selection'] }),
  );
  browser.contextMenus.onClicked.addListener((info, tab) => void onSaveSnippetMenu(info, tab));

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== SAVE_SNIPPET_COMMAND || tab?.id === undefined) return;
    const tabId = tab.id;
    void pageSelection(tabId, undefined).then((content) => saveFromPage(tabId, content));
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only this extension's content scripts; the answers hold nothing a page could not type.
    if (sender.id !== browser.runtime.id || !isSnippetRequest(message)) return;
    answer(message).then(sendResponse, () => sendResponse(null));
    return true;
  });
}
