import { ckeditor4Adapter } from './ckeditor4';
import { ckeditor5Adapter } from './ckeditor5';
import { codeMirrorAdapter } from './codemirror';
import { contentEditableAdapter, designModeAdapter } from './contenteditable';
import { kindeditorAdapter } from './kindeditor';
import { lexicalAdapter } from './lexical';
import { proseMirrorAdapter } from './prosemirror';
import { quillAdapter } from './quill';
import { roosterAdapter } from './roosterjs';
import { slateAdapter } from './slate';
import { inputAdapter, textareaAdapter } from './textarea';
import { tinymceAdapter } from './tinymce';
import type { EditorAdapter } from './types';
import { wangEditorAdapter } from './wangeditor';

/**
 * Most specific first: the editor-library adapters, then plain contenteditable, which matches
 * every editable element.
 */
const ADAPTERS: readonly EditorAdapter[] = [
  textareaAdapter,
  inputAdapter,
  wangEditorAdapter,
  slateAdapter,
  codeMirrorAdapter,
  proseMirrorAdapter,
  lexicalAdapter,
  quillAdapter,
  ckeditor5Adapter,
  tinymceAdapter,
  ckeditor4Adapter,
  kindeditorAdapter,
  roosterAdapter,
  designModeAdapter,
  contentEditableAdapter,
];

export function adapterFor(root: HTMLElement): EditorAdapter | null {
  return ADAPTERS.find((adapter) => adapter.matches(root)) ?? null;
}

export type { EditorAdapter, InsertContent, SavedSelection, TextSpan } from './types';
