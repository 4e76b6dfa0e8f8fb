import type { ContentToBackground, Failure } from '../../../protocol/messages';

export interface SiteGate {
  /** Whether the extension is off here; asked once, then remembered until the list changes. */
  isOff(): Promise<boolean>;
  /** The last answer, without asking: off until the background has said otherwise. */
  readonly off: boolean;
  /** What a refused request gets: `unchecked` when the background could not answer. */
  refusal(): Failure;
  /** The panel says the list changed: a frame that asked before asks again. */
  listChanged(): void;
}

/**
 * Whether the user turned the extension off on this frame's site, asked of the background (which
 * holds the list, entrypoints/background/site-gate.ts explains why) before the first real work. Fails
 * closed: off until answered, and no answer, or one that is not a yes or no (the database
 * failed), counts as off and is asked again next time.
 */
export function createSiteGate(): SiteGate {
  let off = true;
  let unchecked = false;
  let checked: Promise<boolean> | undefined;
  const isOff = () =>
    (checked ??= browser.runtime
      .sendMessage({ type: 'site-off', addresses: [location.origin, ...(location.ancestorOrigins ?? [])] } satisfies ContentToBackground)
      .catch(() => null)
      .then((answer: unknown) => {
        unchecked = typeof answer !== 'boolean';
        if (unchecked) checked = undefined;
        return (off = answer !== false);
      }));
  return {
    isOff,
    get off() {
      return off;
    },
    refusal: () => ({ ok: false, reason: unchecked ? 'unchecked' : 'refused' }),
    listChanged() {
      // Told in every tab: only frames that asked before ask again, the others stay idle.
      if (!checked) return;
      checked = undefined;
      void isOff();
    },
  };
}
