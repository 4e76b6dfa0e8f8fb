/**
 * The one protocol between the panel and the content scripts.
 *
 * Panel -> content goes through `tabs.sendMessage`. A scan is broadcast to every frame of the
 * tab and each frame answers with its own `editors-found` runtime message (a broadcast's
 * response callback only hears the first frame). Everything else goes to the one frame that
 * holds the editor.
 */

/** How the page lets the user edit, as the DOM shows it. */
export type EditableKind = 'textarea' | 'input' | 'contenteditable' | 'design-mode';

/** Which editor library (or none) owns an editable root; one adapter per family. */
export type EditorFamily =
  | 'textarea'
  | 'input'
  | 'contenteditable'
  | 'design-mode'
  | 'tinymce'
  | 'ckeditor4'
  | 'kindeditor'
  | 'prosemirror'
  | 'lexical'
  | 'slate'
  | 'wangeditor'
  | 'quill'
  | 'ckeditor5'
  | 'codemirror';

export const EDITOR_FAMILIES: readonly EditorFamily[] = [
  'textarea', 'input', 'contenteditable', 'design-mode', 'tinymce', 'ckeditor4', 'kindeditor',
  'prosemirror', 'lexical', 'slate', 'wangeditor', 'quill', 'ckeditor5', 'codemirror',
];

export interface EditorInfo {
  /** Unique within its frame; the panel pairs it with the frame id. */
  id: string;
  family: EditorFamily;
  /** What the page calls it: a label, aria-label, placeholder, name, id or frame title. */
  label: string;
  chars: number;
  width: number;
  height: number;
  /** True when it is a report editor; false for ones that opted out or are too small. */
  isReportEditor: boolean;
  /** Why it is not a report editor, when it is not. */
  reason?: string;
  /** When the user last focused it (epoch ms), or null if never. */
  lastFocusedAt: number | null;
}

export interface InsertPayload {
  text: string;
  /** Sanitized by the panel before it is sent. */
  html?: string;
}

export type ContentRequest =
  | { type: 'scan-editors'; requestId: string }
  | { type: 'insert'; editorId: string; content: InsertPayload }
  | { type: 'read-text'; editorId: string }
  | { type: 'select'; editorId: string; start: number; end: number };

export type ContentEvent =
  | { type: 'editors-found'; requestId: string; frameUrl: string; editors: EditorInfo[] }
  | { type: 'editor-focused'; frameUrl: string; editor: EditorInfo };

export type EditorFailure = 'detached' | 'not-found' | 'refused';

export type Failure = { ok: false; reason: EditorFailure; message: string };
export type InsertResult = { ok: true; editor: EditorInfo } | Failure;
export type ReadTextResult = { ok: true; text: string } | Failure;
export type SelectResult = { ok: true } | Failure;

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object';
}

/** Content scripts run inside untrusted pages: check every field before the panel uses it. */
export function isEditorInfo(value: unknown): value is EditorInfo {
  if (!isRecord(value)) return false;
  return (
    typeof value.id === 'string' &&
    EDITOR_FAMILIES.includes(value.family as EditorFamily) &&
    typeof value.label === 'string' &&
    typeof value.chars === 'number' &&
    typeof value.width === 'number' &&
    typeof value.height === 'number' &&
    typeof value.isReportEditor === 'boolean' &&
    (value.lastFocusedAt === null || typeof value.lastFocusedAt === 'number')
  );
}

export function isContentEvent(value: unknown): value is ContentEvent {
  if (!isRecord(value) || typeof value.frameUrl !== 'string') return false;
  if (value.type === 'editors-found') {
    return typeof value.requestId === 'string' && Array.isArray(value.editors) && value.editors.every(isEditorInfo);
  }
  if (value.type === 'editor-focused') return isEditorInfo(value.editor);
  return false;
}

export function isContentRequest(value: unknown): value is ContentRequest {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'scan-editors':
      return typeof value.requestId === 'string';
    case 'insert':
      return (
        typeof value.editorId === 'string' &&
        isRecord(value.content) &&
        typeof value.content.text === 'string' &&
        (value.content.html === undefined || typeof value.content.html === 'string')
      );
    case 'read-text':
      return typeof value.editorId === 'string';
    case 'select':
      return typeof value.editorId === 'string' && Number.isInteger(value.start) && Number.isInteger(value.end);
    default:
      return false;
  }
}
