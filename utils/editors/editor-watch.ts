import { diffText } from '../report/text-delta';
import type { Span, WatchEvent } from '../messaging';
import type { HighlightColours } from '../settings/colour';
import type { EditorAdapter } from './adapters/types';
import { clearHighlights, showHighlights } from './highlight';

const WATCHED_EVENTS = ['input', 'keyup'] as const;

/** How long typing must pause before the panel hears of it. */
const QUIET_MS = 120;

/**
 * Follows one editor's text while the panel is open: sends it once, then each change as a
 * delta, and keeps the placeholder highlights the panel asks for.
 */
export class EditorWatch {
  private text: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly observer: MutationObserver;
  private spans: Span[] = [];
  private current: number | null = null;
  private readonly onInput = () => this.schedule();

  constructor(
    private readonly root: HTMLElement,
    private readonly adapter: EditorAdapter,
    private readonly post: (event: WatchEvent) => void,
  ) {
    this.text = adapter.readText(root);
    post({ type: 'text', text: this.text });
    // Rich editors change their DOM.
    this.observer = new MutationObserver(() => this.schedule());
    this.observer.observe(root, { subtree: true, childList: true, characterData: true });
    // Text fields change only their value (`input`); a virtualised editor can change lines that
    // are not drawn (an undo, a command) with no DOM change at all: a key is enough to look.
    for (const type of WATCHED_EVENTS) root.addEventListener(type, this.onInput);
  }

  /** The editor changed in a way its DOM may not show (a virtualised editor, off screen). */
  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), QUIET_MS);
  }

  private flush() {
    if (!this.root.isConnected) {
      this.post({ type: 'gone' });
      this.stop();
      return;
    }
    const text = this.adapter.readText(this.root);
    const delta = diffText(this.text, text);
    this.text = text;
    if (delta) this.post({ type: 'delta', delta });
    // Highlight ranges hold DOM positions the edit may have moved; the panel sends new spans.
  }

  highlight(spans: Span[], current: number | null, colours?: HighlightColours) {
    this.spans = spans;
    this.current = current;
    const ranges = this.adapter.rangesOf?.(this.root, this.spans.filter((s) => s.end <= this.text.length));
    if (!ranges) return;
    showHighlights(this.root, ranges, this.current === null ? null : (ranges[this.current] ?? null), colours);
  }

  get editor(): HTMLElement {
    return this.root;
  }

  stop() {
    clearTimeout(this.timer);
    this.observer.disconnect();
    for (const type of WATCHED_EVENTS) this.root.removeEventListener(type, this.onInput);
    clearHighlights(this.root.ownerDocument);
  }
}
