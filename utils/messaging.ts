/**
 * The one protocol between the panel, the background and the content scripts.
 *
 * Panel -> content goes through `tabs.sendMessage`; a scan is broadcast to every frame of the
 * tab and each frame answers with its own `editors-found` runtime message (a broadcast's
 * response callback only hears the first frame). Inserts go to the one frame holding the editor.
 */

export type EditorKind = 'textarea' | 'input' | 'contenteditable' | 'design-mode';

export interface EditorInfo {
  /** Unique within its frame; the panel pairs it with the frame id. */
  id: string;
  kind: EditorKind;
  /** What the page calls it: aria-label, placeholder, name, id or a text excerpt. */
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

export type ContentRequest =
  | { type: 'scan-editors'; requestId: string }
  | { type: 'insert-text'; editorId: string; text: string };

export type ContentEvent =
  | { type: 'editors-found'; requestId: string; frameUrl: string; editors: EditorInfo[] }
  | { type: 'editor-focused'; frameUrl: string; editor: EditorInfo };

export type InsertFailure = 'detached' | 'not-found' | 'refused';

export type InsertResult =
  | { ok: true; editor: EditorInfo }
  | { ok: false; reason: InsertFailure; message: string };

const EDITOR_KINDS: readonly EditorKind[] = ['textarea', 'input', 'contenteditable', 'design-mode'];

/** Content scripts run inside untrusted pages: check every field before the panel uses it. */
export function isEditorInfo(value: unknown): value is EditorInfo {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    EDITOR_KINDS.includes(v.kind as EditorKind) &&
    typeof v.label === 'string' &&
    typeof v.chars === 'number' &&
    typeof v.width === 'number' &&
    typeof v.height === 'number' &&
    typeof v.isReportEditor === 'boolean' &&
    (v.lastFocusedAt === null || typeof v.lastFocusedAt === 'number')
  );
}

export function isContentEvent(value: unknown): value is ContentEvent {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  if (typeof v.frameUrl !== 'string') return false;
  if (v.type === 'editors-found') {
    return typeof v.requestId === 'string' && Array.isArray(v.editors) && v.editors.every(isEditorInfo);
  }
  if (v.type === 'editor-focused') return isEditorInfo(v.editor);
  return false;
}

export function isContentRequest(value: unknown): value is ContentRequest {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  if (v.type === 'scan-editors') return typeof v.requestId === 'string';
  if (v.type === 'insert-text') {
    return typeof v.editorId === 'string' && typeof v.text === 'string';
  }
  return false;
}
