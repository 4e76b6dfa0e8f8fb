import type { PlaceholderStep } from '@/utils/messaging';
import { setUpSites } from '@/utils/sites/background';
import { setUpSnippets } from '@/utils/snippets/background';

/** Thin on purpose: the toolbar button opens the panel, keyboard commands go to it, snippets are wired up. */
export default defineBackground(() => {
  // Firefox opens its sidebar from `sidebar_action` and has no sidePanel API.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  // There the toolbar button toggles the sidebar; a click is the user action toggle() requires.
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) browser.browserAction.onClicked.addListener(() => void sidebar.toggle());

  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    const direction = command === 'next-placeholder' ? 1 : command === 'previous-placeholder' ? -1 : 0;
    if (!direction) return;
    const step: PlaceholderStep = { type: 'placeholder-step', tabId: tab.id, direction };
    // The panel holds the checklist; with no panel open there is nothing to step through.
    browser.runtime.sendMessage(step).catch(() => {});
  });

  setUpSnippets();
  setUpSites();
});
