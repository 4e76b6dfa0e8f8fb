// Chrome only: the service worker's DOM for sanitizing (see utils/snippets/sanitize-anywhere.ts).
import { sanitizeHtml } from '@/utils/sanitize';
import { isSanitizeRequest } from '@/utils/snippets/sanitize-anywhere';

browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  if (sender.id !== browser.runtime.id || !isSanitizeRequest(message)) return;
  sendResponse(sanitizeHtml(message.html));
});
