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
   * `successorOf` finds the element an editor rebuilt in place of a root that left the page
   * (see EditorRegistry); the caret moves over to it.
   */
  constructor(private readonly successorOf: (root: HTMLElement) => HTMLElement | null = () => null) {}

  focus(root: HTMLElement, now: number): void {
    if (this.last?.root !== root) this.last = { root, focusedAt: now, selection: null };
    else this.last.focusedAt = now;
    this.focusTimes.set(root, now);
  }

  /** Keep the caret of the remembered editor; a selection in another element is ignored. */
  save(root: HTMLElement, selection: SavedSelection): void {
    if (this.last?.root === root) this.last.selection = selection;
  }

  /**
   * The remembered editor. When it has left the page, the element rebuilt in its place takes
   * over its caret as text offsets (the saved Range holds detached nodes). Until one stands
   * there (an editor may be halfway through rebuilding) there is none: never written to.
   */
  current(): RememberedEditor | null {
    const last = this.last;
    if (!last || last.root.isConnected) return last;
    const successor = this.successorOf(last.root);
    if (!successor) return null;
    this.focusTimes.set(successor, last.focusedAt);
    this.focusTimes.delete(last.root);
    last.root = successor;
    if (last.selection) last.selection = { start: last.selection.start, end: last.selection.end, range: null };
    return last;
  }

  /** Where the caret was in `root`, if `root` is the editor remembered. */
  selectionOf(root: HTMLElement): SavedSelection | null {
    return this.current()?.root === root ? this.last!.selection : null;
  }

  lastFocusedAt(root: HTMLElement): number | null {
    this.current();
    return root.isConnected ? (this.focusTimes.get(root) ?? null) : null;
  }
}
