/**
 * What every library importer shares: the draft it makes, the variables it could not carry over,
 * the refusals, and the writers of this extension's field syntax (`{{name=default}}`). Pure.
 */
import { resolveDateFormat } from '../dates';
import { ABBREVIATION } from '../abbreviation';
import type { SnippetDraft } from '../record';

export type LibraryFormat = 'textblaze' | 'textexpander-csv' | 'textexpander-group' | 'briskine' | 'espanso';

/** A snippet as an importer reads it, before it becomes a record. */
export interface ImportedDraft extends SnippetDraft {
  title: string;
  tags: string[];
  /** What names this snippet in its tool (its id, or folder, title and trigger): the record's id is made from it. */
  sourceKey: string;
}

/**
 * Why a variable of the other tool is not a field here:
 * - `no-counterpart`: nothing here does what it does; it stays in the text as written;
 * - `asked`: the other tool filled it by itself (from an email); here it is asked in the form;
 * - `plain-only`: the formatting could not be read, the plain text came in;
 * - `abbreviation`: the trigger is not letters and digits, so the snippet comes without one;
 * - `script`: a snippet that runs a script, not imported;
 * - `email-field`: an email's subject or recipients, which snippets here do not have.
 */
export type UnmappedReason = 'no-counterpart' | 'asked' | 'plain-only' | 'abbreviation' | 'script' | 'email-field';

export interface UnmappedVariable {
  /** The snippet's title. */
  title: string;
  /** The variable as the other tool writes it. */
  variable: string;
  reason: UnmappedReason;
}

export interface LibraryImport {
  format: LibraryFormat;
  drafts: ImportedDraft[];
  unmapped: UnmappedVariable[];
}

export type LibraryProblem =
  | { kind: 'empty' }
  | { kind: 'too-large' }
  | { kind: 'binary' }
  | { kind: 'unknown-format' }
  /** The file is of this format but cannot be read: cut short, or not as the tool writes it. */
  | { kind: 'damaged'; format: LibraryFormat; detail: DamageDetail }
  | { kind: 'no-snippets'; format: LibraryFormat };

/**
 * What is wrong with a damaged file: it ends too early, is not JSON, has a quote never closed,
 * lacks its header; a row or line (1-based) or a character position where it goes wrong; a
 * list of snippets missing, or an entry of it (a path such as `folders[0].snippets[2]`) that is
 * not a snippet.
 */
export type DamageDetail =
  | { code: 'cut-short' | 'not-json' | 'quote' | 'header' }
  | { code: 'row' | 'line' | 'markup'; at: number }
  | { code: 'no-list' | 'entry'; at: string };

export type ParsedLibrary = { ok: true; library: LibraryImport } | { ok: false; problem: LibraryProblem };

export const damaged = (format: LibraryFormat, detail: DamageDetail): ParsedLibrary => ({ ok: false, problem: { kind: 'damaged', format, detail } });

/** Collects the drafts and notes of one file. */
export class ImportCollector {
  readonly drafts: ImportedDraft[] = [];
  readonly unmapped: UnmappedVariable[] = [];

  note(title: string, variable: string, reason: UnmappedReason): void {
    if (!this.unmapped.some((u) => u.title === title && u.variable === variable && u.reason === reason)) this.unmapped.push({ title, variable, reason });
  }

  result(format: LibraryFormat): ParsedLibrary {
    if (!this.drafts.length && !this.unmapped.length) return { ok: false, problem: { kind: 'no-snippets', format } };
    return { ok: true, library: { format, drafts: this.drafts, unmapped: this.unmapped } };
  }
}

// ---- Writing this extension's fields --------------------------------------------------------

/** Words the field syntax keeps for itself: a fill-in field may not start with one. */
const KEYWORD_START = /^(cursor|tab|date|time|clipboard|snippet)\b/i;

/** A fill-in field's name: no sign the syntax reads (`: = | { }`), never a keyword. */
export function fieldName(raw: string, fallback: string): string {
  const name = raw.replace(/[{}:：=|]/g, ' ').replace(/\s+/g, ' ').trim() || fallback;
  return KEYWORD_START.test(name) ? `Field ${name}` : name;
}

/** A default or choice as the syntax can hold it: one line, without braces or bars. */
const fieldValue = (raw: string) => raw.replace(/[{}|\n\r]/g, ' ').replace(/\s+/g, ' ').trim();

export type FieldKindWritten = 'text' | 'paragraph' | 'date' | 'number';

export function writeField(name: string, kind: FieldKindWritten = 'text', defaultValue = ''): string {
  const value = fieldValue(defaultValue);
  return `{{${name}${kind === 'text' ? '' : `:${kind}`}${value ? `=${value}` : ''}}}`;
}

/** A choice field; the default goes first, since the first option is the default. */
export function writeChoice(name: string, options: readonly string[], defaultValue?: string): string {
  const values = [...new Set([defaultValue, ...options].map((o) => fieldValue(o ?? '')).filter(Boolean))];
  return values.length ? `{{${name}:choice=${values.join('|')}}}` : writeField(name);
}

/** `{{date…}}` or `{{time…}}` for a format in this extension's tokens, or null when the format cannot be written. */
export function writeDate(format: string, offset = ''): string | null {
  if (!format) return `{{date${offset}}}`;
  if (format.includes('}}') || resolveDateFormat(format) === null) return null;
  // Hours and minutes alone are a time; anything with a day in it is a date.
  const timeOnly = /^(?:[Hm:\s.]|HH|H|mm)+$/.test(format) && /H/.test(format);
  return `{{${timeOnly ? 'time' : 'date'}${offset}:${format}}}`;
}

/** Text of the other tool with every `{{` written as a literal one, so that it is never read as a field. */
export const literal = (text: string) => text.replace(/\{\{/g, '{{{{');

// ---- Abbreviations, titles, ids --------------------------------------------------------------

/**
 * The trigger as an abbreviation here: the marks other tools put before or after triggers
 * (`;sig`, `/sig`, `:sig`, `sig;`) dropped; null when what is left is not letters and digits.
 */
export function abbreviationFrom(trigger: string | undefined): string | null {
  if (!trigger) return null;
  const word = trigger.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return ABBREVIATION.test(word) ? word : null;
}

/** Sets the draft's abbreviation from the trigger, noting a trigger that cannot be one. */
export function withAbbreviation(draft: ImportedDraft, trigger: string | undefined, collector: ImportCollector): ImportedDraft {
  const abbreviation = abbreviationFrom(trigger);
  if (abbreviation) draft.abbreviation = abbreviation;
  else if (trigger?.trim()) collector.note(draft.title, trigger.trim(), 'abbreviation');
  return draft;
}

/** A short stable hash (FNV-1a, 53 bits), so that the same snippet imported twice gets the same id. */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return ((h2 >>> 0) & 0x1fffff).toString(16).padStart(6, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

// ---- HTML to plain text ------------------------------------------------------------------------

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text an HTML fragment shows: blocks and `<br>` as line breaks, tags dropped, entities read. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|blockquote|tr|pre)\s*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whether a text holds HTML tags (a rich snippet in a tool that writes rich ones as HTML). */
export const looksLikeHtml = (text: string) => /<(p|div|br|b|strong|i|em|u|span|a|ul|ol|li|h[1-6]|table)\b[^>]*>/i.test(text);

/** The draft's body and html from HTML whose variables are already mapped. */
export function richBody(html: string): Pick<SnippetDraft, 'body' | 'html'> {
  return { body: htmlToText(html), html };
}
