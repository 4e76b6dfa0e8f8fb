import type { EditorFamily, QuickInsertToBackground } from '@/protocol/messages';
import type { AnswerOf } from '@/protocol/schemas';

/**
 * What the box needs before anything is drawn, kept apart from React and the box's component so
 * that it runs the moment the page starts (entrypoints/quick-insert/main.tsx): the port to the
 * content script, and the first search, which the background answers while React loads.
 */

/** The port to the content script of the frame the box sits in, once it has handed it over. */
export interface Link {
  port: MessagePort;
  family: EditorFamily | null;
}

/**
 * The content script's port: the first message from the frame around the box that carries the
 * secret in the box's own address. A page can post messages to the box too, but cannot know the
 * secret. Listened for at once: the port is handed over on the frame's load.
 */
export const linked: Promise<Link> = new Promise((resolve) => {
  const secret = location.hash.slice(1);
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { secret?: unknown; family?: unknown } | null;
    if (event.source !== window.parent || !secret || data?.secret !== secret || !event.ports[0]) return;
    window.removeEventListener('message', onMessage);
    resolve({ port: event.ports[0], family: typeof data.family === 'string' ? (data.family as EditorFamily) : null });
  };
  window.addEventListener('message', onMessage);
});

/** Asks the background's index (a frame in a web page may be refused the database itself); the answer is checked by the box before use. */
export function askSearch(query: string): Promise<unknown> {
  const ask: QuickInsertToBackground = { type: 'quick-insert-search', query };
  return browser.runtime.sendMessage(ask).catch(() => undefined);
}

/** The answer for the empty query, asked as the page starts. */
export const firstSearch: Promise<unknown> = askSearch('');

/** The results of one query, as the box shows them: the background's answer and the query it answers. */
export type Search = { query: string } & AnswerOf<'quickInsertToBackground', 'quick-insert-search'>;
