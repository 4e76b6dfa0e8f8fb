import { abbreviationBefore } from '../../snippets/abbreviation';
import { adapterFor } from '../adapters';
import { textBeforeCaret } from '../selected-content';
import type { ContentToBackground, ContentToBackgroundAnswer } from '../../../protocol/messages';
import type { CompositionTracking } from './composition';
import type { KnownEditors } from './known-editors';
import type { RequestRouter } from './request-router';
import type { SiteGate } from './site-gate';

const ask = (request: ContentToBackground) => browser.runtime.sendMessage(request).catch(() => null);

/**
 * Expands an abbreviation when the user types it and presses the trigger key: the snippet
 * replaces the word in one edit, which one undo takes back. The abbreviations in use and the
 * key are asked of the background (which holds the database) whenever an editor gains focus,
 * so that the keystroke can decide at once.
 */
export function createAbbreviationExpander(
  { memory, registry }: KnownEditors,
  gate: SiteGate,
  composition: Pick<CompositionTracking, 'composingIn'>,
  router: Pick<RequestRouter, 'perform'>,
) {
  let abbreviations = new Set<string>();
  let trigger = '';

  const refresh = () =>
    void ask({ type: 'abbreviations' }).then((answer: ContentToBackgroundAnswer<'abbreviations'> | null) => {
      if (answer) [abbreviations, trigger] = [new Set(answer.abbreviations), answer.trigger];
    });

  const onKeyDown = (event: KeyboardEvent) => {
    // A key the page dispatched goes on untouched, abbreviation or not, before any work.
    if (!event.isTrusted) return;
    const root = memory.current()?.root;
    // Never while an input method composes: its keys pick and commit candidates. The key that
    // commits comes with isComposing, or (Safari) just after compositionend with keyCode 229.
    if (gate.off || event.key !== trigger || event.isComposing || event.keyCode === 229 || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
    if (!root || !event.composedPath().includes(root) || composition.composingIn(root)) return;
    const word = abbreviationBefore(textBeforeCaret(root), abbreviations);
    const adapter = word && adapterFor(root);
    const caret = adapter && adapter.readSelection(root);
    if (!caret) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    void (async () => {
      const snippet: ContentToBackgroundAnswer<'expand-abbreviation'> = await ask({ type: 'expand-abbreviation', abbreviation: word!, family: adapter!.family });
      const editorId = registry.idOf(root);
      // Select the abbreviation, unless typing went on and moved it, then insert over it: one
      // edit through the adapter, which one undo takes back to the abbreviation.
      const at = { editorId, start: caret.start - word!.length, end: caret.start, text: word! };
      if (snippet && (await router.perform({ type: 'select', ...at }))?.ok) {
        // In the sentence where the abbreviation was typed, whatever the snippet holds.
        await router.perform({ type: 'insert', editorId, content: { ...snippet, placement: 'inline' } });
      }
    })();
  };

  return { onKeyDown, refresh };
}
