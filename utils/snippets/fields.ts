/**
 * Fields in snippets and templates: `{{单位名称}}` asked before insertion, `{{cursor}}` and
 * `{{tab}}` where the caret goes, `{{date+1w:cn}}` written at insertion, `{{clipboard}}`, and
 * `{{snippet:名称}}` for another snippet. The syntax is documented in the README (Snippets ›
 * Fields). Pure: the clock, the clipboard and the other snippets are passed in.
 */
import {
  applyOffsets,
  DEFAULT_DATE_FORMAT,
  DEFAULT_TIME_FORMAT,
  formatDate,
  parseOffsets,
  resolveDateFormat,
  type DateLanguage,
  type DateOffset,
} from './dates';

export const FIELD_KINDS = ['text', 'paragraph', 'choice', 'date', 'number'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

interface Located {
  /** Where the field is written in the source, `{{` to `}}`. */
  start: number;
  end: number;
}

export type FieldToken =
  | { type: 'text'; text: string }
  | (Located & { type: 'field'; name: string; kind: FieldKind; default: string; choices: string[] })
  /** `{{cursor}}` is stop 0; each `{{tab}}` the next, in order of appearance. */
  | (Located & { type: 'stop'; cursor: boolean })
  | (Located & { type: 'date' | 'time'; offsets: DateOffset[]; format: string | null })
  | (Located & { type: 'clipboard' })
  | (Located & { type: 'snippet'; name: string });

export type FieldErrorCode = 'unclosed' | 'empty-name' | 'unknown-kind' | 'no-choices' | 'bad-offset' | 'bad-format' | 'no-snippet-name';

export interface FieldError extends Located {
  code: FieldErrorCode;
  /** The part of the field at fault (the kind, the offset, the format). */
  detail?: string;
}

export interface ParsedFields {
  tokens: FieldToken[];
  errors: FieldError[];
}

const OPEN = '{{';
const CLOSE = '}}';
const ESCAPED_OPEN = '{{{{';
const KEYWORD = /^(cursor|tab|clipboard)$/i;
const DATE_OR_TIME = /^(date|time)\b([^:]*)(?::([\s\S]*))?$/i;
const SNIPPET = /^snippet\s*:([\s\S]*)$/i;

function parseInner(inner: string, start: number, end: number): FieldToken | FieldError {
  const trimmed = inner.trim();
  const at = { start, end };
  const keyword = KEYWORD.exec(trimmed);
  if (keyword) {
    const word = keyword[1].toLowerCase();
    return word === 'clipboard' ? { ...at, type: 'clipboard' } : { ...at, type: 'stop', cursor: word === 'cursor' };
  }
  const dateOrTime = DATE_OR_TIME.exec(trimmed);
  if (dateOrTime) {
    const type = dateOrTime[1].toLowerCase() as 'date' | 'time';
    const offsetText = dateOrTime[2].trim();
    const offsets = offsetText ? parseOffsets(offsetText) : [];
    if (!offsets) return { ...at, code: 'bad-offset', detail: offsetText };
    const format = dateOrTime[3]?.trim() || null;
    if (format !== null && resolveDateFormat(format) === null) return { ...at, code: 'bad-format', detail: format };
    return { ...at, type, offsets, format };
  }
  const snippet = SNIPPET.exec(trimmed);
  if (snippet) {
    const name = snippet[1].trim();
    return name ? { ...at, type: 'snippet', name } : { ...at, code: 'no-snippet-name' };
  }
  // A fill-in field: `name[:kind][=default]`.
  const equals = trimmed.indexOf('=');
  const head = equals < 0 ? trimmed : trimmed.slice(0, equals);
  const rawDefault = equals < 0 ? '' : trimmed.slice(equals + 1).trim();
  const colon = head.search(/[:：]/);
  const name = (colon < 0 ? head : head.slice(0, colon)).trim();
  const kindText = colon < 0 ? 'text' : head.slice(colon + 1).trim().toLowerCase();
  if (!name) return { ...at, code: 'empty-name' };
  if (!(FIELD_KINDS as readonly string[]).includes(kindText)) return { ...at, code: 'unknown-kind', detail: kindText };
  const kind = kindText as FieldKind;
  if (kind === 'choice') {
    const choices = rawDefault.split('|').map((c) => c.trim()).filter(Boolean);
    if (!choices.length) return { ...at, code: 'no-choices' };
    return { ...at, type: 'field', name, kind, default: choices[0], choices };
  }
  return { ...at, type: 'field', name, kind, default: rawDefault, choices: [] };
}

/** The fields of `source` in order, with the text between them, and every mistake with its place. */
export function parseFields(source: string): ParsedFields {
  const tokens: FieldToken[] = [];
  const errors: FieldError[] = [];
  let text = '';
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf(OPEN, at);
    if (open < 0) break;
    if (source.startsWith(ESCAPED_OPEN, open)) {
      text += source.slice(at, open) + OPEN;
      at = open + ESCAPED_OPEN.length;
      continue;
    }
    const close = source.indexOf(CLOSE, open + OPEN.length);
    // A field never spans lines: an unclosed `{{` is reported where it opens.
    const lineEnd = source.indexOf('\n', open);
    if (close < 0 || (lineEnd >= 0 && lineEnd < close)) {
      errors.push({ start: open, end: lineEnd < 0 ? source.length : lineEnd, code: 'unclosed' });
      text += source.slice(at, open + OPEN.length);
      at = open + OPEN.length;
      continue;
    }
    const end = close + CLOSE.length;
    const parsed = parseInner(source.slice(open + OPEN.length, close), open, end);
    text += source.slice(at, open);
    if ('code' in parsed) {
      errors.push(parsed);
      text += source.slice(open, end);
    } else {
      if (text) tokens.push({ type: 'text', text });
      text = '';
      tokens.push(parsed);
    }
    at = end;
  }
  text += source.slice(at);
  if (text) tokens.push({ type: 'text', text });
  return { tokens, errors };
}

/** Whether `source` has anything to ask or write at insertion. */
export function hasFields(source: string): boolean {
  return source.includes(OPEN) && parseFields(source).tokens.some((t) => t.type !== 'text');
}

export interface AskedField {
  name: string;
  kind: FieldKind;
  default: string;
  choices: string[];
}

/** Resolves another snippet's source by title or abbreviation. */
export type SnippetLookup = (name: string) => string | undefined;

/** `{{snippet:名称}}` among `snippets`: by title first, else by abbreviation (the first to have it). */
export function snippetLookup(snippets: readonly { title: string; abbreviation?: string; body: string }[]): SnippetLookup {
  const byName = new Map<string, string>();
  for (const s of snippets) if (s.abbreviation && !byName.has(s.abbreviation)) byName.set(s.abbreviation, s.body);
  const titled = new Set<string>();
  for (const s of snippets) {
    if (titled.has(s.title)) continue;
    titled.add(s.title);
    byName.set(s.title, s.body);
  }
  return (name) => byName.get(name);
}

/**
 * The bodies `source` includes by name, all the way down, as a lookup would give them: what a
 * page that has only this snippet needs to ask its form and write its text.
 */
export function includedBodies(source: string, lookup: SnippetLookup, name = ''): Record<string, string> {
  const included: Record<string, string> = {};
  fieldsToAsk(source, (wanted) => {
    const body = lookup(wanted);
    if (body !== undefined) included[wanted] = body;
    return body;
  }, name);
  return included;
}

export type IncludeProblem = { code: 'cycle'; chain: string[] } | { code: 'unknown-snippet'; name: string };

function walk(source: string, lookup: SnippetLookup | undefined, chain: string[], visit: (token: FieldToken) => void): IncludeProblem | null {
  for (const token of parseFields(source).tokens) {
    if (token.type !== 'snippet' || !lookup) {
      visit(token);
      continue;
    }
    if (chain.includes(token.name)) return { code: 'cycle', chain: [...chain, token.name] };
    const included = lookup(token.name);
    if (included === undefined) return { code: 'unknown-snippet', name: token.name };
    const problem = walk(included, lookup, [...chain, token.name], visit);
    if (problem) return problem;
  }
  return null;
}

/**
 * The fields the form asks for, once per name in order of first appearance (the first
 * occurrence's kind and default win), included snippets' fields too.
 */
export function fieldsToAsk(source: string, lookup?: SnippetLookup, name = ''): { fields: AskedField[]; problem: IncludeProblem | null } {
  const fields = new Map<string, AskedField>();
  const problem = walk(source, lookup, name ? [name] : [], (token) => {
    if (token.type === 'field' && !fields.has(token.name)) {
      fields.set(token.name, { name: token.name, kind: token.kind, default: token.default, choices: token.choices });
    }
  });
  return { fields: [...fields.values()], problem };
}

export interface RenderContext {
  /** The values given in the form, by field name; a field left out is written as its default. */
  values?: Record<string, string>;
  now: Date;
  language: DateLanguage;
  clipboard?: string;
  lookup?: SnippetLookup;
  /** The snippet's own name, so including itself is seen as a cycle. */
  name?: string;
  /**
   * Write a field with no value and no default as it stands (`{{单位名称}}`), for the checklist
   * to find: when no form was asked (an abbreviation typed in the page).
   */
  keepUnfilled?: boolean;
}

export interface Rendered {
  text: string;
  /** Caret stops as offsets into `text`: the `{{cursor}}` first, then each `{{tab}}` in order. */
  stops: number[];
}

/** A date field's value from the form (`2023-06-01`) as the snippet's language writes dates. */
function dateValue(value: string, language: DateLanguage): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!iso) return value;
  const date = new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  return formatDate(date, DEFAULT_DATE_FORMAT[language], language);
}

/** `source` with every field written: the text to insert and where the caret stops go. */
export function renderFields(source: string, context: RenderContext): Rendered | { problem: IncludeProblem } {
  let text = '';
  let cursor: number | null = null;
  const tabs: number[] = [];
  const problem = walk(source, context.lookup, context.name ? [context.name] : [], (token) => {
    switch (token.type) {
      case 'text':
        text += token.text;
        break;
      case 'field': {
        const value = context.values?.[token.name] ?? token.default;
        if (!value && context.keepUnfilled) text += `{{${token.name}}}`;
        else text += token.kind === 'date' ? dateValue(value, context.language) : value;
        break;
      }
      case 'stop':
        if (token.cursor && cursor === null) cursor = text.length;
        else tabs.push(text.length);
        break;
      case 'date':
      case 'time': {
        const when = applyOffsets(context.now, token.offsets);
        const format = token.format ?? (token.type === 'date' ? DEFAULT_DATE_FORMAT[context.language] : DEFAULT_TIME_FORMAT);
        text += formatDate(when, format, context.language);
        break;
      }
      case 'clipboard':
        text += context.clipboard ?? '';
        break;
      case 'snippet':
        // No lookup: the reference stays as written, for the checklist to see.
        text += `{{snippet:${token.name}}}`;
        break;
    }
  });
  if (problem) return { problem };
  return { text, stops: cursor === null ? tabs : [cursor, ...tabs] };
}

/** Whether a rendering needs the clipboard, so the panel reads it only then. */
export function usesClipboard(source: string, lookup?: SnippetLookup): boolean {
  let uses = false;
  walk(source, lookup, [], (token) => {
    if (token.type === 'clipboard') uses = true;
  });
  return uses;
}

/** The language a snippet's dates are written in: Chinese when it has Chinese characters. */
export function snippetLanguage(text: string): DateLanguage {
  return /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en';
}

/**
 * A snippet's plain text and rich form with every field written. The rich form gets the same
 * values, escaped; the stops are offsets into the plain text.
 */
export function renderSnippet(
  snippet: { body: string; html?: string },
  context: RenderContext,
  escape: (text: string) => string,
): { text: string; html?: string; stops: number[] } | { problem: IncludeProblem } {
  const plain = renderFields(snippet.body, context);
  if ('problem' in plain) return plain;
  if (snippet.html === undefined) return plain;
  const values = Object.fromEntries(Object.entries(context.values ?? {}).map(([name, value]) => [name, escape(value)]));
  const rich = renderFields(snippet.html, { ...context, values, clipboard: context.clipboard === undefined ? undefined : escape(context.clipboard) });
  return 'problem' in rich ? rich : { ...plain, html: rich.text };
}
