/**
 * Every message of the extension, in one map by the direction it travels, each with the schema
 * of the message and of its answer (valibot). The types in messages.ts are read off these.
 *
 * A side checks with these whatever reaches it from a less trusted one: the panel and the
 * background check what content scripts send and answer (they run inside web pages), the offscreen
 * document what it is asked. The content script itself only imports messages.ts: what reaches it
 * comes from the extension's own pages, and valibot would triple its size.
 */
import * as v from 'valibot';
import { BRIDGE_METHODS, EDITOR_FAMILIES, QUICK_INSERT_SECTIONS, QUICK_INSERT_SHOWN } from './messages';
import type { TemplateSection } from '../utils/db/schema';
import type { PlaceholderKind } from '../utils/report/placeholders';
import type { Finding } from '../utils/report/check';
import type { NumberingIssue } from '../utils/report/outline';

/** An origin as `location.origin` gives it: scheme, host and port only, or `null` (opaque). */
export function isOrigin(value: string): boolean {
  if (value === 'null') return true;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

export const OriginSchema = v.pipe(v.string(), v.check(isOrigin));
/** A UTF-16 offset into an editor's text, or a count of code units. */
export const OffsetSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
export const EditorFamilySchema = v.picklist(EDITOR_FAMILIES);
const EditorIdSchema = v.string();

export const EditorInfoSchema = v.object({
  /** Unique within its frame; the panel pairs it with the frame id. */
  id: EditorIdSchema,
  family: EditorFamilySchema,
  /** What the page calls it: a label, aria-label, placeholder, name, id or frame title. */
  label: v.string(),
  chars: OffsetSchema,
  width: v.number(),
  height: v.number(),
  /** True when it is a report editor; false for ones that opted out or are too small. */
  isReportEditor: v.boolean(),
  /** Why it is not a report editor, when it is not. */
  reason: v.optional(v.string()),
  /** When the user last focused it (epoch ms), or null if never. */
  lastFocusedAt: v.nullable(v.number()),
  /** The origin of its frame (`https://host:port`, or `null` for an opaque one). */
  origin: OriginSchema,
});

export const InsertPayloadSchema = v.object({
  text: v.string(),
  /** Sanitized before it is sent. */
  html: v.optional(v.string()),
  /**
   * Where it lands: 'inline' at the caret (a phrase, a one-line snippet), 'block' after the
   * block holding the caret, never splitting it (a section, a template, a many-paragraph
   * snippet). When absent it is read from the content: more than one block is 'block'
   * (utils/editors/placement.ts).
   */
  placement: v.optional(v.picklist(['inline', 'block'])),
  /** Caret stops as offsets into `text` (a snippet's `{{cursor}}` and `{{tab}}`), at most 50. */
  stops: v.optional(v.pipe(v.array(OffsetSchema), v.maxLength(50))),
});

/** A span of an editor's text, in UTF-16 offsets. */
export const SpanSchema = v.object({ start: OffsetSchema, end: OffsetSchema });
/** A span expected to hold `text`; a replacement is refused if the editor moved on. */
export const ExpectedSpanSchema = v.object({ start: OffsetSchema, end: OffsetSchema, text: v.string() });
/** Replace the span, which must still hold `expected`, by `text`. */
export const ReplaceEditSchema = v.object({ start: OffsetSchema, end: OffsetSchema, text: v.string(), expected: v.string() });

/** Selected content as the page gave it: `html` is not sanitized yet. */
export const SelectedContentSchema = v.object({ text: v.string(), html: v.optional(v.string()) });

/** `unchecked`: the frame could not learn whether its site is turned off, so it reads nothing. */
export const EditorFailureSchema = v.picklist(['detached', 'not-found', 'refused', 'stale', 'unchecked', 'composing']);
/** Why a request failed; the panel words it in the user's language (failureText). */
export const FailureSchema = v.object({ ok: v.literal(false), reason: EditorFailureSchema });
const succeeded = <E extends v.ObjectEntries>(entries: E) => v.object({ ok: v.literal(true), ...entries });

export const InsertResultSchema = v.variant('ok', [succeeded({ editor: EditorInfoSchema }), FailureSchema]);
export const ReadTextResultSchema = v.variant('ok', [succeeded({ text: v.string() }), FailureSchema]);
export const SelectResultSchema = v.variant('ok', [succeeded({}), FailureSchema]);
export const ReadSelectionResultSchema = v.variant('ok', [succeeded({ selection: v.nullable(SpanSchema) }), FailureSchema]);
/**
 * How many edits landed: all of them, or those made before the first target that no longer held
 * its expected text (stale) or that the editor refused. Edits go last first.
 */
export const ReplaceResultSchema = v.variant('ok', [
  succeeded({ applied: OffsetSchema }),
  v.object({ ...FailureSchema.entries, applied: OffsetSchema }),
]);
export const ReadSelectedContentResultSchema = v.variant('ok', [succeeded(SelectedContentSchema.entries), FailureSchema]);

/** An edit of a text: `removed` characters at `start` replaced by `inserted`. */
export const TextDeltaSchema = v.object({ start: OffsetSchema, removed: OffsetSchema, inserted: v.string() });

const PlaceholderRuleSchema = v.object({
  id: v.string(),
  name: v.string(),
  pattern: v.string(),
  flags: v.optional(v.string()),
  // The panel's own worker: a kind is the engine's word, not one to check against a list here.
  kind: v.custom<PlaceholderKind>((kind) => typeof kind === 'string'),
  enabled: v.boolean(),
});

/** Placeholders in columns, as protocol/rules-worker.ts packs them. */
const PackedPlaceholdersSchema = v.object({
  starts: v.instance(Int32Array),
  ends: v.instance(Int32Array),
  kinds: v.instance(Uint16Array),
  rules: v.instance(Uint16Array),
  names: v.instance(Int32Array),
  words: v.array(v.string()),
});

/** Headings in columns, as protocol/outline-worker.ts packs them. */
const PackedOutlineSchema = v.object({
  levels: v.instance(Uint8Array),
  starts: v.instance(Int32Array),
  ends: v.instance(Int32Array),
  styles: v.instance(Uint8Array),
  kinds: v.instance(Uint8Array),
  words: v.array(v.string()),
  strings: v.string(),
  lengths: v.instance(Uint32Array),
});

const HighlightColoursSchema = v.object({ all: v.string(), current: v.string() });

/** A message of one `type`, with these fields. */
const message = <T extends string, E extends v.ObjectEntries>(type: T, entries: E) => v.object({ type: v.literal(type), ...entries });
/** A snippet as the database holds it (utils/db/schema.ts), for the quick-insert box. */
const SnippetRecordSchema = v.object({
  id: v.string(),
  title: v.string(),
  body: v.string(),
  html: v.optional(v.string()),
  tags: v.array(v.string()),
  folder: v.optional(v.string()),
  abbreviation: v.optional(v.string()),
  createdAt: v.number(),
  updatedAt: v.number(),
  lastUsedAt: v.optional(v.number()),
  useCount: v.number(),
});

/** A template's section with its sub-parts (utils/db/schema.ts); loose, so fields a later version adds travel unharmed. */
export const TemplateSectionSchema: v.GenericSchema<TemplateSection> = v.looseObject({
  heading: v.string(),
  level: v.pipe(v.number(), v.integer(), v.minValue(0)),
  body: v.string(),
  guidance: v.optional(v.string()),
  numbered: v.optional(v.boolean()),
  children: v.optional(v.array(v.lazy(() => TemplateSectionSchema))),
});

/** What the map says about one message: its schema, and its answer's when it is answered. */
const entry = <M extends v.GenericSchema, A extends v.GenericSchema | null = null>(schema: M, answer: A = null as A) => ({ message: schema, answer });

/** A call to the MAIN-world bridge: a method of one editor family, with its arguments. */
const bridgeCall = <M extends (typeof BRIDGE_METHODS)[number], A extends v.GenericSchema>(method: M, args: A, value: v.GenericSchema) =>
  entry(
    v.object({ id: v.string(), family: EditorFamilySchema, method: v.literal(method), args }),
    // The page can forge an answer: its value is data to check, never an instruction.
    v.object({ id: v.string(), value }),
  );

export const PROTOCOL = {
  /**
   * Panel -> content, by `tabs.sendMessage`. A scan is broadcast to every frame of the tab and each
   * frame answers with its own `editors-found` event (a broadcast's response callback only hears
   * the first frame); requests about an editor go to the one frame that holds it.
   */
  panelToContent: {
    'scan-editors': entry(message('scan-editors', { requestId: v.string() })),
    insert: entry(message('insert', { editorId: EditorIdSchema, content: InsertPayloadSchema }), InsertResultSchema),
    'read-text': entry(message('read-text', { editorId: EditorIdSchema }), ReadTextResultSchema),
    /** With `text`, refused as stale unless the span still holds it. */
    select: entry(message('select', { editorId: EditorIdSchema, ...SpanSchema.entries, text: v.optional(v.string()) }), SelectResultSchema),
    'read-selection': entry(message('read-selection', { editorId: EditorIdSchema }), ReadSelectionResultSchema),
    /** What the editor's selection (live or remembered) holds: text, and HTML the panel sanitizes. */
    'read-selected-content': entry(message('read-selected-content', { editorId: EditorIdSchema }), ReadSelectedContentResultSchema),
    /** Every span, which must still hold its text, replaced by `text` (a fill). */
    replace: entry(message('replace', { editorId: EditorIdSchema, spans: v.array(ExpectedSpanSchema), text: v.string() }), ReplaceResultSchema),
    /** Each edit its own text (renumbering); refused as stale unless every span still holds `expected`. */
    'replace-each': entry(message('replace-each', { editorId: EditorIdSchema, edits: v.array(ReplaceEditSchema) }), ReplaceResultSchema),
    /**
     * Outside the site check: the top frame's address (the panel has no `tabs` permission to read
     * it), and, to every frame of every tab, that the site list changed.
     */
    'page-address': entry(message('page-address', {}), v.string()),
    /**
     * The text a blank would get, drawn over it in the page as the user types in the panel; the
     * editor is not touched. A span that no longer holds `expected` is refused.
     */
    'preview-fill': entry(
      message('preview-fill', { editorId: EditorIdSchema, ...SpanSchema.entries, expected: v.string(), text: v.string() }),
      v.variant('ok', [succeeded({}), FailureSchema]),
    ),
    /** Takes any preview away, leaving the page as it was. */
    'preview-clear': entry(message('preview-clear', { editorId: EditorIdSchema })),
    'sites-changed': entry(message('sites-changed', {})),
  },
  /** Background -> content: the selection in the frame that has focus, editor or not (the context menu, a command). */
  backgroundToContent: {
    'read-page-selection': entry(message('read-page-selection', {}), v.nullable(SelectedContentSchema)),
    /** The quick-insert command: the frame whose editor has focus opens the box at its caret. */
    'open-quick-insert': entry(message('open-quick-insert', {})),
  },
  /**
   * The quick-insert box (an extension page framed in the page, components/quick-insert) -> the
   * content script of the frame it sits in, over a private MessageChannel: what to insert at
   * the caret, or that it closed. Only the box holds the port; the page never sees it.
   */
  quickInsertToContent: {
    insert: entry(message('insert', { content: InsertPayloadSchema })),
    close: entry(message('close', {})),
    /**
     * The editor's text before where a block inserted now would land, for a template section
     * numbered to fit: answered on the port with `{ type: 'before', text }` (null for an
     * editor that is not read, a one-line field).
     */
    'read-before': entry(message('read-before', {})),
    /** The height the box's content needs, so the frame is no taller than what it shows. */
    resize: entry(message('resize', { height: v.pipe(v.number(), v.minValue(0), v.maxValue(10_000)) })),
  },
  /**
   * The quick-insert box -> background: its search (a page's frame of the extension may be
   * refused its own database, so the box asks), and that a snippet was used. Answered
   * only to the extension's own pages, never to a content script.
   */
  quickInsertToBackground: {
    /**
     * The box's search, answered by the background from an index it keeps warm: the best
     * `QUICK_INSERT_SHOWN` snippets for the query (the most used for an empty one), each with
     * the bodies of the snippets it includes by name; template sections whose heading or
     * template matches a query; and how many snippets there are.
     */
    'quick-insert-search': entry(
      message('quick-insert-search', { query: v.pipe(v.string(), v.maxLength(1000)) }),
      v.object({
        hits: v.pipe(v.array(v.object({ snippet: SnippetRecordSchema, includes: v.record(v.string(), v.string()) })), v.maxLength(QUICK_INSERT_SHOWN)),
        sections: v.pipe(
          v.array(v.object({ templateId: v.string(), templateTitle: v.string(), language: v.picklist(['zh', 'en']), section: TemplateSectionSchema })),
          v.maxLength(QUICK_INSERT_SECTIONS),
        ),
        librarySize: OffsetSchema,
      }),
    ),
    'quick-insert-used': entry(message('quick-insert-used', { id: v.string() })),
  },
  /** Content -> panel, by `runtime.sendMessage`: the editors a frame found, and one the user focused. */
  contentToPanel: {
    /** `text`: the text of the editor last written in, read for the scan; its watch starts from it. */
    'editors-found': entry(
      message('editors-found', {
        requestId: v.string(),
        frameUrl: v.string(),
        editors: v.array(EditorInfoSchema),
        text: v.optional(v.object({ editorId: EditorIdSchema, text: v.string() })),
      }),
    ),
    'editor-focused': entry(message('editor-focused', { frameUrl: v.string(), editor: EditorInfoSchema })),
  },
  /**
   * Content -> background (a content script cannot open the database): the abbreviations in use
   * and the key that expands them, then the snippet of one (its text, with its HTML, sanitized,
   * for a rich editor's family; null for no such abbreviation); and whether the frame's site is
   * turned off. `addresses` are the frame's origin (an about:blank frame inherits its page's)
   * and, where the browser tells, the origins of the pages around it.
   */
  contentToBackground: {
    abbreviations: entry(message('abbreviations', {}), v.object({ trigger: v.string(), abbreviations: v.array(v.string()) })),
    'expand-abbreviation': entry(message('expand-abbreviation', { abbreviation: v.string(), family: EditorFamilySchema }), v.nullable(InsertPayloadSchema)),
    'site-off': entry(message('site-off', { addresses: v.array(v.string()) }), v.boolean()),
  },
  /** Background -> panel: a keyboard command to move between placeholders on a tab. */
  backgroundToPanel: {
    'placeholder-step': entry(message('placeholder-step', { tabId: v.pipe(v.number(), v.integer()), direction: v.picklist([1, -1]) })),
  },
  /** Background -> offscreen document: HTML to sanitize where there is a DOM; answered with the clean HTML. */
  backgroundToOffscreen: {
    'sanitize-html': entry(message('sanitize-html', { html: v.string() }), v.string()),
  },
  /**
   * Panel -> content over the watch port (WATCH_PORT): which editor to watch, then what to
   * highlight. `spans` are start, end pairs in one flat array: with thousands of placeholders a
   * port serializes an array of numbers several times faster than an array of objects.
   */
  panelToContentWatch: {
    /** `since`: the scan whose answer brought the editor's text; the watch then starts with a delta from it. */
    watch: entry(message('watch', { editorId: EditorIdSchema, since: v.optional(v.string()) })),
    highlight: entry(message('highlight', { spans: v.pipe(v.string(), v.regex(/^(?:\d+(?:,\d+)*)?$/)), current: v.nullable(OffsetSchema), colours: v.optional(HighlightColoursSchema) })),
  },
  /**
   * Content -> panel over the watch port: the editor's text (or, for a watch `since` a scan, a
   * delta from the text that scan sent), then each change as a delta; `gone` when it left.
   */
  contentToPanelWatch: {
    text: entry(message('text', { text: v.string() })),
    delta: entry(message('delta', { delta: TextDeltaSchema })),
    gone: entry(message('gone', {})),
  },
  /**
   * Panel -> the worker that runs the placeholder rules (utils/workers/rules.worker.ts): the
   * whole text, or an edit of the text last sent, to scan; or a pattern the user typed, to judge.
   */
  panelToRulesWorker: {
    text: entry(message('text', { version: v.number(), text: v.string(), rules: v.array(PlaceholderRuleSchema) })),
    delta: entry(message('delta', { version: v.number(), delta: TextDeltaSchema })),
    check: entry(message('check', { pattern: v.string(), flags: v.string() })),
  },
  /**
   * The rules worker -> panel: a user rule starts (its id) or the last one ended (null), for the
   * panel to time; the placeholders of a version, packed (see protocol/rules-worker.ts); a
   * pattern's verdict.
   */
  rulesWorkerToPanel: {
    rule: entry(message('rule', { id: v.nullable(v.string()) })),
    placeholders: entry(message('placeholders', { version: v.number(), placeholders: PackedPlaceholdersSchema })),
    checked: entry(message('checked', { ok: v.boolean(), message: v.string() })),
  },
  /**
   * Panel -> the worker that runs the pre-submission check (utils/workers/check.worker.ts): a text
   * to check, with the rules the user switched off; and back, its findings. The panel's own
   * worker, running the engine's own code: its findings are typed, not checked field by field.
   */
  panelToCheckWorker: {
    text: entry(message('text', { version: v.number(), text: v.string(), disabled: v.array(v.string()) })),
  },
  checkWorkerToPanel: {
    findings: entry(message('findings', { version: v.number(), findings: v.custom<Finding[]>((value) => Array.isArray(value)) })),
    /** The engine threw on this text (a fault of its own): the panel says the check could not run. */
    failed: entry(message('failed', { version: v.number() })),
  },
  /**
   * Panel -> the worker that reads the outline (utils/workers/outline.worker.ts): a text; and
   * back, its headings (packed) and their numbering problems (typed, like the check worker's findings).
   */
  panelToOutlineWorker: {
    text: entry(message('text', { version: v.number(), text: v.string() })),
  },
  outlineWorkerToPanel: {
    outline: entry(
      message('outline', {
        version: v.number(),
        items: PackedOutlineSchema,
        issues: v.custom<NumberingIssue[]>((value) => Array.isArray(value)),
      }),
    ),
    failed: entry(message('failed', { version: v.number() })),
  },
  /**
   * Content (isolated world) -> the MAIN-world bridge of the same page, as DOM events holding JSON
   * (BRIDGE_CALL, answered by BRIDGE_ANSWER), by method: editors whose own API is the only way in.
   */
  contentToBridge: {
    insert: bridgeCall('insert', InsertPayloadSchema, v.boolean()),
    readText: bridgeCall('readText', v.null(), v.string()),
    readSelection: bridgeCall('readSelection', v.null(), SpanSchema),
    select: bridgeCall('select', SpanSchema, v.boolean()),
    /** Every span replaced by its own text, in one undo step. */
    replaceEach: bridgeCall('replaceEach', v.object({ edits: v.array(v.object({ ...SpanSchema.entries, text: v.string() })) }), v.boolean()),
    /**
     * A paste event dispatched from the page's own world, for any family: Firefox hides the
     * data of a DataTransfer an extension filled from the page's scripts, so the editor would
     * read an empty paste. The page can dispatch pastes itself: this gives it nothing new.
     */
    paste: bridgeCall('paste', InsertPayloadSchema, v.boolean()),
  },
} as const;

export type Protocol = typeof PROTOCOL;
export type Direction = keyof Protocol;
export type MessageType<D extends Direction> = keyof Protocol[D] & string;
type MessageSchema<D extends Direction, T extends MessageType<D>> = Protocol[D][T] extends { message: infer M extends v.GenericSchema } ? M : never;
type AnswerSchema<D extends Direction, T extends MessageType<D>> = Protocol[D][T] extends { answer: infer A extends v.GenericSchema } ? A : never;
/** The messages of `type` (else every one) that travel in `direction`. */
export type MessageOf<D extends Direction, T extends MessageType<D> = MessageType<D>> = T extends unknown ? v.InferOutput<MessageSchema<D, T>> : never;
/** What a message of `type` in `direction` is answered with; undefined when it is not answered. */
export type AnswerOf<D extends Direction, T extends MessageType<D>> = T extends unknown
  ? [AnswerSchema<D, T>] extends [never]
    ? undefined
    : v.InferOutput<AnswerSchema<D, T>>
  : never;

function entryOf(direction: Direction, type: unknown): { message: v.GenericSchema; answer: v.GenericSchema | null } | undefined {
  const entries = PROTOCOL[direction] as Record<string, { message: v.GenericSchema; answer: v.GenericSchema | null }>;
  return typeof type === 'string' && Object.hasOwn(entries, type) ? entries[type] : undefined;
}

/** Whether `value` is one of the messages that travel in `direction`, every field checked. */
export function isMessage<D extends Direction>(direction: D, value: unknown): value is MessageOf<D> {
  // Bridge calls are told apart by their method, every other message by its type.
  const key = direction === 'contentToBridge' ? 'method' : 'type';
  const type = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  const schema = entryOf(direction, type)?.message;
  return !!schema && v.is(schema, value);
}

/** Whether `value` is a valid answer to a message of `type` in `direction`. */
export function isAnswer<D extends Direction, T extends MessageType<D>>(direction: D, type: T, value: unknown): value is AnswerOf<D, T> {
  const schema = entryOf(direction, type)?.answer;
  return schema ? v.is(schema, value) : value === undefined;
}
