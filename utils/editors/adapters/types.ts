import type { EditorKind } from '../../messaging';

/** A span of the editor's text, in UTF-16 offsets of the text `readText` returns. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Where the caret was: a live Range when the editor has one, and text offsets as a fallback. */
export interface SavedSelection extends TextSpan {
  range: Range | null;
}

/**
 * One editor family. Every family has the same small interface, so the content script never
 * needs to know which editor it talks to.
 */
export interface EditorAdapter {
  readonly kind: EditorKind;
  matches(root: HTMLElement): boolean;
  /** The editor's text, blocks separated by '\n'. */
  readText(root: HTMLElement): string;
  /** The selection inside the editor now, or null when the selection is elsewhere. */
  readSelection(root: HTMLElement): SavedSelection | null;
  /** Put the editor's own selection on `span` (focusing it). */
  select(root: HTMLElement, span: SavedSelection | TextSpan): void;
  /**
   * Insert plain text at `at` (or the editor's current selection) through the editor's own input
   * path, so its model sees the change and one undo removes it. False when the editor refused.
   */
  insertText(root: HTMLElement, text: string, at: SavedSelection | null): boolean;
}
