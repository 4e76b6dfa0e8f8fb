import type { Browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { database } from '@/utils/db/database';
import type { Snippet } from '@/utils/db/schema';
import type { BackgroundToContent, SelectedContent } from '@/protocol/messages';
import { isAnswer } from '@/protocol/schemas';
import { saveSelectionAsSnippet } from '@/utils/snippets/capture';
import { SanitizeFailed, sanitizeAnywhere } from '@/utils/snippets/sanitize-anywhere';

const SAVE_SNIPPET_MENU = 'save-selection-as-snippet';

/**
 * The selection of the tab's frame (`frameId`; any frame with focus when undefined), as its
 * content script reads it with its formatting, else the menu's plain `fallback` text.
 */
async function pageSelection(tabId: number, frameId: number | undefined, fallback = ''): Promise<SelectedContent | null> {
  const request: BackgroundToContent = { type: 'read-page-selection' };
  const answer: unknown = await browser.tabs.sendMessage(tabId, request, frameId === undefined ? {} : { frameId }).catch(() => undefined);
  if (isAnswer('backgroundToContent', 'read-page-selection', answer) && answer?.text.trim()) return answer;
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

/** The keyboard command's save: whatever is selected in the frame with focus. */
export async function saveSelectionOfTab(tabId: number): Promise<void> {
  await saveFromPage(tabId, await pageSelection(tabId, undefined));
}

async function onSaveSnippetMenu(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  if (info.menuItemId !== SAVE_SNIPPET_MENU || tab?.id === undefined) return;
  await saveFromPage(tab.id, await pageSelection(tab.id, info.frameId, info.selectionText));
}

/** The page's context menu saves the selection as a snippet (the keyboard command is in commands.ts). */
export function setUpSnippetCapture(): void {
  // Menus outlive the service worker in Chrome and not a restart in Firefox: made afresh each start.
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: SAVE_SNIPPET_MENU, title: i18n.t('menuSaveSnippet'), contexts: ['selection'] }),
  );
  browser.contextMenus.onClicked.addListener((info, tab) => void onSaveSnippetMenu(info, tab));
}
