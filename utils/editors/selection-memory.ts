import type { SavedSelection } from './adapters/types';

export interface RememberedEditor {
  root: HTMLElement;
  focusedAt: number;
  /** Null until the caret has been seen inside the editor. */
  selection: SavedSelection | null;
}

/**
 * The last report editor the user worked in, in this frame, and where its caret was. It must
 * outlive focus: by the time the panel is clicked the page has blurred, and some editors clear
 * their selection on blur.
 */
export class SelectionMemory {
  private last: RememberedEditor | null = null;
  private readonly focusTimes = new WeakMap<HTMLElement, number>();

  /**
   * `replacementOf` says what stands for a root now: itself while it is on the page, the element
   * its editor rebuilt in its place (see EditorRegistry), or null.
   */
  constructor(private readonly replacementOf: (root: HTMLElement) => HTMLElement | null = (root) => (root.isConnected ? root : null)) {}

  focus(root: HTMLElement, now: number): void {
    const current = this.current();
    this.last = current?.root === root ? { ...current, focusedAt: now } : { root, focusedAt: now, selection: null };
    this.focusTimes.set(root, now);
  }

  /** Keep the caret of the remembered editor; a selection in another element is ignored. */
  save(root: HTMLElement, selection: SavedSelection): void {
    const current = this.current();
    if (current?.root === root) this.last = { ...current, selection };
  }

  /**
   * The remembered editor, read without changing anything. When it has left the page, the
   * element rebuilt in its place stands for it, with the caret as text offsets only (the saved
   * Range holds detached nodes). Until one stands there (an editor may be halfway through
   * rebuilding) there is none: never written to.
   */
  current(): RememberedEditor | null {
    const last = this.last;
    if (!last) return null;
    const root = this.replacementOf(last.root);
    if (root === last.root) return last;
    if (!root) return null;
    return { root, focusedAt: last.focusedAt, selection: last.selection && { start: last.selection.start, end: last.selection.end, range: null } };
  }

  /** Where the caret was in `root`, if `root` is the editor remembered. */
  selectionOf(root: HTMLElement): SavedSelection | null {
    const current = this.current();
    return current?.root === root ? current.selection : null;
  }

  lastFocusedAt(root: HTMLElement): number | null {
    if (!root.isConnected) return null;
    const current = this.current();
    return current?.root === root ? current.focusedAt : (this.focusTimes.get(root) ?? null);
  }
}
