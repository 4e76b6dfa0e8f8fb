/**
 * Sanitizing from the background. DOMPurify needs a DOM, and Chrome's background is a service
 * worker without one: there DOMPurify would hand the HTML back unchanged, so an offscreen
 * document (entrypoints/offscreen) sanitizes instead. Firefox's background is a page with a
 * DOM and sanitizes itself.
 */
import type { BackgroundToOffscreen } from '../../protocol/messages';
import { sanitizeHtml } from '../sanitize';

export const OFFSCREEN_PATH = '/offscreen.html';

/** Sanitizing that failed or took too long: the save is reported as failed, never made unsanitized. */
export class SanitizeFailed extends Error {}

/** Long enough for a cold offscreen document; a save that waits longer is reported as failed. */
const SANITIZE_MS = 5000;

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

async function sanitizeOffscreen(html: string): Promise<string> {
  opening ??= openOffscreen().finally(() => (opening = null));
  await opening;
  // A document just created may not listen yet: ask again for a moment.
  for (let attempt = 0; attempt < 40; attempt++) {
    const clean: unknown = await browser.runtime.sendMessage({ type: 'sanitize-html', html } satisfies BackgroundToOffscreen).catch(() => undefined);
    if (typeof clean === 'string') return clean;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new SanitizeFailed('The offscreen document did not sanitize the HTML.');
}

/** `html` sanitized with utils/sanitize.ts, wherever this runs; SanitizeFailed when that cannot be done in time. */
export async function sanitizeAnywhere(html: string): Promise<string> {
  if (typeof DOMParser !== 'undefined') return sanitizeHtml(html);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SanitizeFailed('Sanitizing took too long.')), SANITIZE_MS);
  });
  try {
    return await Promise.race([sanitizeOffscreen(html), late]);
  } catch (error) {
    throw error instanceof SanitizeFailed ? error : new SanitizeFailed(String(error));
  } finally {
    clearTimeout(timer);
  }
}
