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
import { sanitizeAnywhere } from './sanitize-anywhere';
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

/** What the context menu does on a click. */
async function onSaveSnippetMenu(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<Snippet | null> {
  if (info.menuItemId !== SAVE_SNIPPET_MENU || tab?.id === undefined) return null;
  const content = await pageSelection(tab.id, info.frameId, info.selectionText);
  return content && saveSelectionAsSnippet(database(), content, sanitizeAnywhere);
}

async function answer(request: SnippetRequest): Promise<AbbreviationsAnswer | ExpansionAnswer> {
  const db = database();
  if (request.type === 'abbreviations') return { trigger: await triggerKey(db), abbreviations: await abbreviations(db) };
  const snippet = await snippetForAbbreviation(db, request.abbreviation);
  if (!snippet) return null;
  await markUsed(db, snippet.id, Date.now());
  // Plain editors take the text inline; rich ones the saved (sanitized) formatting.
  return isPlainFamily(request.family) || !snippet.html ? { text: snippet.body } : { text: snippet.body, html: snippet.html };
}

export function setUpSnippets(): void {
  // Menus outlive the service worker in Chrome and not a restart in Firefox: made afresh each start.
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: SAVE_SNIPPET_MENU, title: i18n.t('menuSaveSnippet'), contexts: ['selection'] }),
  );
  browser.contextMenus.onClicked.addListener((info, tab) => void onSaveSnippetMenu(info, tab));

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== SAVE_SNIPPET_COMMAND || tab?.id === undefined) return;
    void pageSelection(tab.id, undefined).then((content) => content && saveSelectionAsSnippet(database(), content, sanitizeAnywhere));
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only this extension's content scripts; the answers hold nothing a page could not type.
    if (sender.id !== browser.runtime.id || !isSnippetRequest(message)) return;
    answer(message).then(sendResponse, () => sendResponse(null));
    return true;
  });
}
