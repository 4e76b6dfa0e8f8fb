import { diffText, type TextDelta } from '../report/text-delta';
import type { ContentToPanelWatch } from '../../protocol/messages';
import type { HighlightColours } from '../settings/colour';
import type { EditorAdapter, TextSpan } from './adapters/types';
import { clearHighlights, showHighlights } from './highlight';

const WATCHED_EVENTS = ['input', 'keyup'] as const;
const COMPOSITION_EVENTS = ['compositionstart', 'compositionend'] as const;

/** How long typing must pause before the panel hears of it. */
const QUIET_MS = 120;

/**
 * Follows one editor's text while the panel is open: sends it once, then each change as a
 * delta, and keeps the placeholder highlights the panel asks for. Given the text the panel
 * already has (`known`, sent with a scan's answer), it starts with what changed since instead.
 */
export class EditorWatch {
  private text: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly observer: MutationObserver;
  private readonly onInput = () => this.schedule();
  /**
   * An input method is composing: its letters are not text yet (pinyin `xx` before 学习 is
   * picked), so the panel hears of the change once the composition ends.
   */
  private composing = false;
  private readonly onComposition = (event: Event) => {
    // Only the user's own composition holds the panel back. Its end is heard whoever sent it:
    // ending the hold only returns to reading as usual, and a commit that the browser makes
    // through its editing commands (DevTools' insertText) ends with an untrusted event.
    if (event.type === 'compositionstart') this.composing = event.isTrusted && event.composedPath().includes(this.root);
    else if (this.composing) {
      this.composing = false;
      this.schedule();
    }
  };
  /**
   * The ranges drawn for the last highlight request, by start offset in `text`. A live Range
   * follows the editor's own DOM edits, so after an edit only the spans whose nodes changed are
   * looked up again (building a text index of a long document is most of a highlight pass).
   */
  private drawn = new Map<number, { end: number; range: Range }>();

  constructor(
    private readonly root: HTMLElement,
    private readonly adapter: EditorAdapter,
    private readonly post: (event: ContentToPanelWatch) => void,
    known?: string,
  ) {
    this.text = known ?? adapter.readText(root);
    if (known === undefined) post({ type: 'text', text: this.text });
    // Rich editors change their DOM.
    this.observer = new MutationObserver(() => this.schedule());
    this.observer.observe(root, { subtree: true, childList: true, characterData: true });
    // Text fields change only their value (`input`); a virtualised editor can change lines that
    // are not drawn (an undo, a command) with no DOM change at all: a key is enough to look.
    for (const type of WATCHED_EVENTS) root.addEventListener(type, this.onInput);
    // On the document: the editor's element may not hear the end of its own composition.
    for (const type of COMPOSITION_EVENTS) root.ownerDocument.addEventListener(type, this.onComposition, true);
    if (known !== undefined) this.flush();
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
    if (this.composing) return;
    const text = this.adapter.readText(this.root);
    const delta = diffText(this.text, text);
    this.text = text;
    if (delta) {
      this.shiftDrawn(delta);
      this.post({ type: 'delta', delta });
    }
    // The panel answers with the new spans; ranges the edit did not touch are kept then.
  }

  /** Re-keys the drawn ranges to the text after `delta`; those it touched are dropped. */
  private shiftDrawn(delta: TextDelta) {
    const shift = delta.inserted.length - delta.removed;
    const shifted = new Map<number, { end: number; range: Range }>();
    for (const [start, drawn] of this.drawn) {
      if (drawn.end <= delta.start) shifted.set(start, drawn);
      else if (start >= delta.start + delta.removed) shifted.set(start + shift, { end: drawn.end + shift, range: drawn.range });
    }
    this.drawn = shifted;
  }

  /** `flat`: start, end pairs; `current`: the index of the pair drawn as the current one. */
  highlight(flat: number[], current: number | null, colours?: HighlightColours) {
    if (!this.adapter.rangesOf) return;
    const drawn = new Map<number, { end: number; range: Range }>();
    const missing: TextSpan[] = [];
    let currentStart = -1;
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const start = flat[i];
      const end = flat[i + 1];
      // The panel's message is about a text of a moment ago: spans past its end are dropped.
      if (!(start >= 0 && start <= end && end <= this.text.length) || drawn.has(start)) continue;
      if (i / 2 === current) currentStart = start;
      const kept = this.drawn.get(start);
      if (kept && kept.end === end && holdsText(kept.range, this.text.slice(start, end))) drawn.set(start, kept);
      else missing.push({ start, end });
    }
    const found = missing.length ? this.adapter.rangesOf(this.root, missing) : [];
    missing.forEach((span, i) => drawn.set(span.start, { end: span.end, range: found[i] }));
    this.drawn = drawn;
    const ranges = [...drawn.values()].map((d) => d.range);
    showHighlights(this.root, ranges, drawn.get(currentStart)?.range ?? null, colours);
  }

  get editor(): HTMLElement {
    return this.root;
  }

  stop() {
    clearTimeout(this.timer);
    this.drawn.clear();
    this.observer.disconnect();
    for (const type of WATCHED_EVENTS) this.root.removeEventListener(type, this.onInput);
    for (const type of COMPOSITION_EVENTS) this.root.ownerDocument.removeEventListener(type, this.onComposition, true);
    clearHighlights(this.root.ownerDocument);
  }
}

/** A range kept from an earlier pass still covers `text`, inside one text node still in the page. */
function holdsText(range: Range, text: string): boolean {
  const node = range.startContainer;
  return node === range.endContainer && node.nodeType === Node.TEXT_NODE && node.isConnected && (node as Text).data.slice(range.startOffset, range.endOffset) === text;
}
