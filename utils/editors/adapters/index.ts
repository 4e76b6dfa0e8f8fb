import { contentEditableAdapter, designModeAdapter } from './contenteditable';
import { inputAdapter, textareaAdapter } from './textarea';
import type { EditorAdapter } from './types';

/**
 * Most specific first: the editor-library adapters, then plain contenteditable, which matches
 * every editable element.
 */
const ADAPTERS: readonly EditorAdapter[] = [
  textareaAdapter,
  inputAdapter,
  designModeAdapter,
  contentEditableAdapter,
];

export function adapterFor(root: HTMLElement): EditorAdapter | null {
  return ADAPTERS.find((adapter) => adapter.matches(root)) ?? null;
}

export type { EditorAdapter, InsertContent, SavedSelection, TextSpan } from './types';
