// Chrome only: the service worker's DOM for sanitizing (see utils/snippets/sanitize-anywhere.ts).
import { sanitizeHtml } from '@/utils/sanitize';
import { isMessage } from '@/protocol/schemas';

browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  if (sender.id !== browser.runtime.id || !isMessage('backgroundToOffscreen', message)) return;
  sendResponse(sanitizeHtml(message.html));
});
