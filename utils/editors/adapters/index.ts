import { contentEditableAdapter } from './contenteditable';
import { textFieldAdapter } from './textarea';
import type { EditorAdapter } from './types';

/** Most specific first: editor-library adapters go before the plain contenteditable one. */
const ADAPTERS: readonly EditorAdapter[] = [textFieldAdapter, contentEditableAdapter];

export function adapterFor(root: HTMLElement): EditorAdapter | null {
  return ADAPTERS.find((adapter) => adapter.matches(root)) ?? null;
}

export type { EditorAdapter, SavedSelection, TextSpan } from './types';
