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

  focus(root: HTMLElement, now: number): void {
    if (this.last?.root !== root) this.last = { root, focusedAt: now, selection: null };
    else this.last.focusedAt = now;
    this.focusTimes.set(root, now);
  }

  /** Keep the caret of the remembered editor; a selection in another element is ignored. */
  save(root: HTMLElement, selection: SavedSelection): void {
    if (this.last?.root === root) this.last.selection = selection;
  }

  /** The remembered editor; once it has left the page it is dropped, never written to. */
  current(): RememberedEditor | null {
    if (this.last && !this.last.root.isConnected) this.forget(this.last.root);
    return this.last;
  }

  /** Where the caret was in `root`, if `root` is the editor remembered. */
  selectionOf(root: HTMLElement): SavedSelection | null {
    return this.current()?.root === root ? this.last!.selection : null;
  }

  lastFocusedAt(root: HTMLElement): number | null {
    return this.focusTimes.get(root) ?? null;
  }

  forget(root: HTMLElement): void {
    if (this.last?.root === root) this.last = null;
    this.focusTimes.delete(root);
  }
}
