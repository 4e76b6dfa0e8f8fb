/** How long a request from the panel waits for an input method's composition to end. */
const COMPOSITION_WAIT_MS = 3000;
/** After `compositionend`, editors apply the committed text in a task of their own. */
const AFTER_COMMIT_MS = 50;

export interface CompositionTracking {
  /** An input method is composing inside `root` (the user's own composition: a trusted start). */
  composingIn(root: HTMLElement): boolean;
  /**
   * Resolves true once no composition is going on in `root` (at once when none is), false when
   * one is still going on after a short wait: writing into the editor then would break it.
   */
  settled(root: HTMLElement): Promise<boolean>;
}

/**
 * Follows input method compositions in this frame. Letters being composed are not yet text:
 * an edit made in their middle breaks the composition, and a scan of them sees words the user
 * has not written (pinyin `xx` before 学习 is picked).
 */
export function trackComposition(): CompositionTracking {
  // The composition's event path, for a composition under way.
  let composing: EventTarget[] | null = null;
  let ended: Array<() => void> = [];

  const onStart = (event: CompositionEvent) => {
    if (event.isTrusted) composing = event.composedPath();
  };
  // Its end is heard whoever sent it: ending the hold only returns to writing as usual, and a
  // commit that the browser makes through its editing commands ends with an untrusted event.
  const onEnd = () => {
    composing = null;
    const waiting = ended;
    ended = [];
    setTimeout(() => waiting.forEach((resume) => resume()), AFTER_COMMIT_MS);
  };

  const composingIn = (root: HTMLElement) => {
    // An editor removed in the middle of a composition never hears its end.
    if (composing && !(composing[0] as Node).isConnected) composing = null;
    return !!composing?.includes(root);
  };

  const listen = () => {
    window.addEventListener('compositionstart', onStart, true);
    window.addEventListener('compositionend', onEnd, true);
  };
  listen();
  // Iframe editors write their frame with document.open(), which erases the window's listeners.
  new MutationObserver(listen).observe(document, { childList: true });

  return {
    composingIn,
    settled(root) {
      if (!composingIn(root)) return Promise.resolve(true);
      return new Promise((resolve) => {
        const resume = () => {
          clearTimeout(timer);
          resolve(!composingIn(root));
        };
        const timer = setTimeout(() => {
          ended = ended.filter((waiting) => waiting !== resume);
          resolve(!composingIn(root));
        }, COMPOSITION_WAIT_MS);
        ended.push(resume);
      });
    },
  };
}
