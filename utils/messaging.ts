/**
 * The one protocol between the panel and the content scripts.
 *
 * Panel -> content goes through `tabs.sendMessage`. A scan is broadcast to every frame of the
 * tab and each frame answers with its own `editors-found` runtime message (a broadcast's
 * response callback only hears the first frame). Everything else goes to the one frame that
 * holds the editor.
 */

import type { HighlightColours } from './settings/colour';

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
  /** The origin of its frame (`https://host:port`, or `null` for an opaque one). */
  origin: string;
}

export interface InsertPayload {
  text: string;
  /** Sanitized by the panel before it is sent. */
  html?: string;
}

/** A span of an editor's text, in UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A span the panel expects to hold `text`; a replacement is refused if the editor moved on. */
export interface ExpectedSpan extends Span {
  text: string;
}

/** Replace the span, which must still hold `expected`, by `text`. */
export interface ReplaceEdit extends Span {
  text: string;
  expected: string;
}

export type ContentRequest =
  | { type: 'scan-editors'; requestId: string }
  | { type: 'insert'; editorId: string; content: InsertPayload }
  | { type: 'read-text'; editorId: string }
  /** With `text`, refused as stale unless the span still holds it. */
  | { type: 'select'; editorId: string; start: number; end: number; text?: string }
  | { type: 'read-selection'; editorId: string }
  /** What the editor's selection (live or remembered) holds: text, and HTML the panel sanitizes. */
  | { type: 'read-selected-content'; editorId: string }
  /** The selection in the frame that has focus, editor or not: the context menu and a command. */
  | { type: 'read-page-selection' }
  | { type: 'replace'; editorId: string; spans: ExpectedSpan[]; text: string }
  /** Each edit its own text (renumbering); refused as stale unless every span still holds `expected`. */
  | { type: 'replace-each'; editorId: string; edits: ReplaceEdit[] };

export type ContentEvent =
  | { type: 'editors-found'; requestId: string; frameUrl: string; editors: EditorInfo[] }
  | { type: 'editor-focused'; frameUrl: string; editor: EditorInfo };

/** `unchecked`: the frame could not learn whether its site is turned off, so it reads nothing. */
export type EditorFailure = 'detached' | 'not-found' | 'refused' | 'stale' | 'unchecked';

/** Why a request failed; the panel words it in the user's language (failureText). */
export type Failure = { ok: false; reason: EditorFailure };
export type InsertResult = { ok: true; editor: EditorInfo } | Failure;
export type ReadTextResult = { ok: true; text: string } | Failure;
export type SelectResult = { ok: true } | Failure;
export type ReadSelectionResult = { ok: true; selection: Span | null } | Failure;
/**
 * How many edits landed: all of them, or those made before the first target that no longer held
 * its expected text (stale) or that the editor refused. Edits go last first.
 */
export type ReplaceResult = { ok: true; applied: number } | (Failure & { applied: number });
/** Selected content as the page gave it: `html` is not sanitized yet. */
export interface SelectedContent {
  text: string;
  html?: string;
}
export type ReadSelectedContentResult = ({ ok: true } & SelectedContent) | Failure;

/** Requests about one editor, and what each is answered with. */
export type EditorRequest = Exclude<ContentRequest, { type: 'scan-editors' | 'read-page-selection' }>;
export interface EditorAnswers {
  insert: InsertResult;
  'read-text': ReadTextResult;
  select: SelectResult;
  'read-selection': ReadSelectionResult;
  replace: ReplaceResult;
  'replace-each': ReplaceResult;
  'read-selected-content': ReadSelectedContentResult;
}
/** A request as the panel writes it: the editor is the panel's target. */
type WithoutEditorId<R> = R extends unknown ? Omit<R, 'editorId'> : never;
export type TargetRequest<T extends EditorRequest['type'] = EditorRequest['type']> = WithoutEditorId<Extract<EditorRequest, { type: T }>>;

/** Background -> panel: a keyboard command to move between placeholders on a tab. */
export interface PlaceholderStep {
  type: 'placeholder-step';
  tabId: number;
  direction: 1 | -1;
}

export function isPlaceholderStep(value: unknown): value is PlaceholderStep {
  return isRecord(value) && value.type === 'placeholder-step' && Number.isInteger(value.tabId) && (value.direction === 1 || value.direction === -1);
}

/**
 * A long-lived port from the panel to the frame of its target editor: the frame sends the
 * editor's text and then each change as a delta; the panel sends what to highlight. When the
 * panel closes, the port disconnects and the frame clears its highlights.
 */
export const WATCH_PORT = 'watch-editor';

export type WatchRequest =
  | { type: 'watch'; editorId: string }
  | { type: 'highlight'; spans: Span[]; current: number | null; colours?: HighlightColours };

export type WatchEvent =
  | { type: 'text'; text: string }
  | { type: 'delta'; delta: { start: number; removed: number; inserted: string } }
  | { type: 'gone' };

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
    (value.lastFocusedAt === null || typeof value.lastFocusedAt === 'number') &&
    isOrigin(value.origin)
  );
}

/** An origin as `location.origin` gives it: scheme, host and port only, or `null`. */
export function isOrigin(value: unknown): value is string {
  if (value === 'null') return true;
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

export function isContentEvent(value: unknown): value is ContentEvent {
  if (!isRecord(value) || typeof value.frameUrl !== 'string') return false;
  if (value.type === 'editors-found') {
    return typeof value.requestId === 'string' && Array.isArray(value.editors) && value.editors.every(isEditorInfo);
  }
  if (value.type === 'editor-focused') return isEditorInfo(value.editor);
  return false;
}




export function isWatchEvent(value: unknown): value is WatchEvent {
  if (!isRecord(value)) return false;
  if (value.type === 'text') return typeof value.text === 'string';
  if (value.type === 'gone') return true;
  if (value.type === 'delta' && isRecord(value.delta)) {
    const d = value.delta;
    return Number.isInteger(d.start) && Number.isInteger(d.removed) && typeof d.inserted === 'string';
  }
  return false;
}

/** Editors that take plain text only: a snippet goes in as its text, inline. */
export function isPlainFamily(family: EditorFamily): boolean {
  return family === 'textarea' || family === 'input' || family === 'codemirror';
}

export function isSelectedContent(value: unknown): value is SelectedContent {
  return isRecord(value) && typeof value.text === 'string' && (value.html === undefined || typeof value.html === 'string');
}

/**
 * Content -> background, for abbreviations (a content script cannot open the database): the
 * abbreviations in use and the key that expands them; then the snippet of one.
 */
export type SnippetRequest = { type: 'abbreviations' } | { type: 'expand-abbreviation'; abbreviation: string; family: EditorFamily };
export interface AbbreviationsAnswer {
  trigger: string;
  abbreviations: string[];
}
/**
 * The snippet's text, with its HTML (sanitized when it was saved) for a rich editor's family;
 * null for no such abbreviation.
 */
export type ExpansionAnswer = InsertPayload | null;

export function isSnippetRequest(value: unknown): value is SnippetRequest {
  if (!isRecord(value)) return false;
  if (value.type === 'abbreviations') return true;
  return value.type === 'expand-abbreviation' && typeof value.abbreviation === 'string' && EDITOR_FAMILIES.includes(value.family as EditorFamily);
}

/**
 * Content -> background: is this frame's site turned off? `addresses` are the frame's address,
 * its origin (an about:blank frame inherits its page's) and, where the browser tells, the
 * origins of the pages around it. Answered with a boolean.
 */
export interface SiteRequest {
  type: 'site-off';
  addresses: string[];
}

export function isSiteRequest(value: unknown): value is SiteRequest {
  return isRecord(value) && value.type === 'site-off' && Array.isArray(value.addresses) && value.addresses.every((a) => typeof a === 'string');
}

/**
 * Panel -> content, outside the site check: the top frame's address (the panel has no `tabs`
 * permission to read it), and, to every frame, that the site list changed.
 */
export type SiteContentRequest = { type: 'page-address' } | { type: 'sites-changed' };
