import type { BackgroundToContent, BackgroundToPanel } from '@/protocol/messages';
import { saveSelectionOfTab } from './snippet-capture';

/** The keyboard commands the manifest declares (wxt.config.ts), every one handled here. */
export function setUpCommands(quickInsert: { prepare(): void }): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    if (command === 'save-snippet') {
      void saveSelectionOfTab(tab.id);
      return;
    }
    if (command === 'quick-insert') {
      const open: BackgroundToContent = { type: 'open-quick-insert' };
      browser.tabs.sendMessage(tab.id, open).catch(() => {});
      quickInsert.prepare();
      return;
    }
    const direction = command === 'next-placeholder' ? 1 : command === 'previous-placeholder' ? -1 : 0;
    if (!direction) return;
    const step: BackgroundToPanel = { type: 'placeholder-step', tabId: tab.id, direction };
    // The panel holds the checklist; with no panel open there is nothing to step through.
    browser.runtime.sendMessage(step).catch(() => {});
  });
}
