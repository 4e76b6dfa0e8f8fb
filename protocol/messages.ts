/**
 * The extension's messages as types, named by direction, and the constants they need: what every
 * side imports. The schemas they are read off, and the map of every message, are in schemas.ts;
 * this file has no runtime import, so the content script carries none of the schemas.
 */
import type * as v from 'valibot';
import type * as s from './schemas';
import type { AnswerOf, MessageOf, MessageType } from './schemas';

/** How the page lets the user edit, as the DOM shows it. */
export type EditableKind = 'textarea' | 'input' | 'contenteditable' | 'design-mode';

/** Which editor library (or none) owns an editable root; one adapter per family. */
export const EDITOR_FAMILIES = [
  'textarea', 'input', 'contenteditable', 'design-mode', 'tinymce', 'ckeditor4', 'kindeditor',
  'prosemirror', 'lexical', 'slate', 'wangeditor', 'quill', 'ckeditor5', 'codemirror',
] as const;
export type EditorFamily = (typeof EDITOR_FAMILIES)[number];

/** Editors that take plain text only: a snippet goes in as its text, inline. */
export function isPlainFamily(family: EditorFamily): boolean {
  return family === 'textarea' || family === 'input' || family === 'codemirror';
}

/**
 * The name of the long-lived port from the panel to the frame of its target editor: the frame
 * sends the editor's text and then each change as a delta; the panel sends what to highlight.
 * When the panel closes, the port disconnects and the frame clears its highlights.
 */
export const WATCH_PORT = 'watch-editor';
/** How many snippets the quick-insert box shows at a time. */
export const QUICK_INSERT_SHOWN = 8;
/** How many template sections it shows besides, for a query. */
export const QUICK_INSERT_SECTIONS = 4;

/** The DOM events between the content script and the MAIN-world bridge (utils/editors/bridge.ts). */
export const BRIDGE_CALL = 'report-assistant:call';
export const BRIDGE_ANSWER = 'report-assistant:answer';
export const BRIDGE_METHODS = ['insert', 'readText', 'readSelection', 'select', 'replaceEach', 'paste'] as const;

export type EditorInfo = v.InferOutput<typeof s.EditorInfoSchema>;
export type InsertPayload = v.InferOutput<typeof s.InsertPayloadSchema>;
export type Span = v.InferOutput<typeof s.SpanSchema>;
export type ExpectedSpan = v.InferOutput<typeof s.ExpectedSpanSchema>;
export type ReplaceEdit = v.InferOutput<typeof s.ReplaceEditSchema>;
export type SelectedContent = v.InferOutput<typeof s.SelectedContentSchema>;
export type EditorFailure = v.InferOutput<typeof s.EditorFailureSchema>;
export type Failure = v.InferOutput<typeof s.FailureSchema>;

/** Panel -> content (tabs.sendMessage). */
export type PanelToContent = MessageOf<'panelToContent'>;
/** Background -> content: the page's selection, for a snippet. */
export type BackgroundToContent = MessageOf<'backgroundToContent'>;
/** Content -> panel (runtime.sendMessage): editors found, an editor focused. */
export type ContentToPanel = MessageOf<'contentToPanel'>;
/** Content -> background: abbreviations and the site gate. */
export type ContentToBackground = MessageOf<'contentToBackground'>;
/** The quick-insert box -> background: the library, and a use. */
export type QuickInsertToBackground = MessageOf<'quickInsertToBackground'>;
/** Background -> panel: a keyboard command. */
export type BackgroundToPanel = MessageOf<'backgroundToPanel'>;
/** Background -> offscreen document: HTML to sanitize. */
export type BackgroundToOffscreen = MessageOf<'backgroundToOffscreen'>;
/** Panel -> content over the watch port. */
export type PanelToContentWatch = MessageOf<'panelToContentWatch'>;
/** Content -> panel over the watch port. */
export type ContentToPanelWatch = MessageOf<'contentToPanelWatch'>;
/** Panel -> the rules worker, and back. */
export type PanelToRulesWorker = MessageOf<'panelToRulesWorker'>;
export type RulesWorkerToPanel = MessageOf<'rulesWorkerToPanel'>;
/** Panel -> the check worker, and back. */
export type PanelToCheckWorker = MessageOf<'panelToCheckWorker'>;
export type CheckWorkerToPanel = MessageOf<'checkWorkerToPanel'>;
/** Panel -> the outline worker, and back. */
export type PanelToOutlineWorker = MessageOf<'panelToOutlineWorker'>;
export type OutlineWorkerToPanel = MessageOf<'outlineWorkerToPanel'>;
/** Content -> MAIN-world bridge, a call by method, and its answer. */
export type BridgeMethod = MessageType<'contentToBridge'>;
export type ContentToBridge<M extends BridgeMethod = BridgeMethod> = MessageOf<'contentToBridge', M>;
export type BridgeToContent<M extends BridgeMethod> = AnswerOf<'contentToBridge', M>;

/** What a message from the panel to the content script is answered with. */
export type PanelToContentAnswer<T extends MessageType<'panelToContent'>> = AnswerOf<'panelToContent', T>;
/** What a message from a content script to the background is answered with. */
export type ContentToBackgroundAnswer<T extends MessageType<'contentToBackground'>> = AnswerOf<'contentToBackground', T>;

/** Requests about one editor, and what each is answered with. */
export type EditorRequest = Extract<PanelToContent, { editorId: string }>;
export type EditorAnswers = { [T in EditorRequest['type']]: PanelToContentAnswer<T> };
export type InsertResult = EditorAnswers['insert'];
export type ReadTextResult = EditorAnswers['read-text'];
export type SelectResult = EditorAnswers['select'];
export type ReadSelectionResult = EditorAnswers['read-selection'];
export type ReplaceResult = EditorAnswers['replace'];
export type ReadSelectedContentResult = EditorAnswers['read-selected-content'];

/** A request as the panel writes it: the editor is the panel's target. */
type WithoutEditorId<R> = R extends unknown ? Omit<R, 'editorId'> : never;
export type TargetRequest<T extends EditorRequest['type'] = EditorRequest['type']> = WithoutEditorId<Extract<EditorRequest, { type: T }>>;

/**
 * Highlight spans as one string, `start,end,start,end…` in decimal: a port sends a string as
 * one value, where a list of 40,000 numbers costs the panel tens of milliseconds to send.
 */
export function encodeSpans(spans: readonly Span[]): string {
  const parts = new Array<number>(spans.length * 2);
  spans.forEach((span, i) => {
    parts[2 * i] = span.start;
    parts[2 * i + 1] = span.end;
  });
  return parts.join(',');
}

/** The offsets of `encodeSpans`' string, start and end in turn; empty for an empty string. */
export function decodeSpans(encoded: string): number[] {
  return encoded ? encoded.split(',').map(Number) : [];
}
