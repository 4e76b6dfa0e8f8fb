/**
 * Sanitizing from the background. DOMPurify needs a DOM, and Chrome's background is a service
 * worker without one: there DOMPurify would hand the HTML back unchanged, so an offscreen
 * document (entrypoints/offscreen) sanitizes instead. Firefox's background is a page with a
 * DOM and sanitizes itself.
 */
import { sanitizeHtml } from '../sanitize';

export const OFFSCREEN_PATH = '/offscreen.html';

/** Background -> offscreen document. */
export interface SanitizeRequest {
  type: 'sanitize-html';
  html: string;
}

export function isSanitizeRequest(value: unknown): value is SanitizeRequest {
  return !!value && typeof value === 'object' && (value as SanitizeRequest).type === 'sanitize-html' && typeof (value as SanitizeRequest).html === 'string';
}

let opening: Promise<void> | null = null;

async function openOffscreen(): Promise<void> {
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  if (contexts.length) return;
  await browser.offscreen.createDocument({
    url: OFFSCREEN_PATH,
    reasons: ['DOM_PARSER'],
    justification: 'Sanitize the HTML of text saved as a snippet from a page.',
  });
}

/** `html` sanitized with utils/sanitize.ts, wherever this runs. */
export async function sanitizeAnywhere(html: string): Promise<string> {
  if (typeof DOMParser !== 'undefined') return sanitizeHtml(html);
  opening ??= openOffscreen().finally(() => (opening = null));
  await opening;
  // A document just created may not listen yet: ask again for a moment.
  for (let attempt = 0; attempt < 40; attempt++) {
    const clean: unknown = await browser.runtime.sendMessage({ type: 'sanitize-html', html } satisfies SanitizeRequest).catch(() => undefined);
    if (typeof clean === 'string') return clean;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The offscreen document did not sanitize the HTML.');
}
