import type { EditorFamily } from '../../../protocol/messages';

/** A span of the editor's text, in UTF-16 offsets of the text `readText` returns. */
export interface TextSpan {
  start: number;
  end: number;
}

/** One edit of the editor's text: `span` of the text as it is now becomes `text`. */
export interface TextEdit extends TextSpan {
  text: string;
}

/** Where the caret was: a live Range when the editor has one, and text offsets as a fallback. */
export interface SavedSelection extends TextSpan {
  range: Range | null;
}

/**
 * What to insert: plain text always; sanitized HTML for editors that take rich content. Block
 * content arrives at a block's end or in an empty block (placement.ts), inline at the caret.
 */
export interface InsertContent {
  text: string;
  html?: string;
  placement?: 'inline' | 'block';
  /** Caret stops as offsets into `text`: the caret goes to the first after insertion. */
  stops?: number[];
}

/**
 * One editor family, seen from the content script's isolated world. Every family has the same
 * small interface, so the content script never needs to know which editor it talks to.
 */
export interface EditorAdapter {
  readonly family: EditorFamily;
  /** Whether `root` (an editable root found by detect.ts) belongs to this family. */
  matches(root: HTMLElement): boolean;
  /** The editor's text, blocks separated by '\n' (from the model where the DOM is partial). */
  readText(root: HTMLElement): string;
  /** The selection inside the editor now, or null when the selection is elsewhere. */
  readSelection(root: HTMLElement): SavedSelection | null;
  /** Put the editor's own selection on `span`, focusing it, so typing replaces exactly that. */
  select(root: HTMLElement, span: SavedSelection | TextSpan): Promise<void>;
  /**
   * Insert at `at` (or the end) through the editor's own input path, so its model sees the
   * change and one undo removes it. False when the editor refused.
   */
  insert(root: HTMLElement, content: InsertContent, at: SavedSelection | TextSpan | null): Promise<boolean>;
  /**
   * DOM ranges for spans of the text, for highlighting. Only for editors whose whole text is
   * in the DOM as `readText` reads it (not text fields, not virtualised editors).
   */
  rangesOf?(root: HTMLElement, spans: TextSpan[]): Range[];
  /**
   * Make every edit (spans of the text as it is now, none overlapping) as ONE undo step, for
   * editors that allow it. Without it, or when it answers null (it cannot make these edits as
   * one without risking what lies between them; nothing changed), the edits are made one by
   * one, last first, each its own step.
   */
  replaceEach?(root: HTMLElement, edits: TextEdit[]): Promise<boolean | null>;
}
