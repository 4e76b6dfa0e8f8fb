/** Snippet records as the user makes them: titles, tags, abbreviations, copies. Pure. */
import type { Snippet } from '../db/schema';
import { ABBREVIATION } from './abbreviation';

/** Keys that may expand an abbreviation; Tab by default (see README). */
export const TRIGGER_KEYS = ['Tab', ' ', 'Enter'] as const;
export type TriggerKey = (typeof TRIGGER_KEYS)[number];
export const DEFAULT_TRIGGER: TriggerKey = 'Tab';

export function isTriggerKey(value: unknown): value is TriggerKey {
  return TRIGGER_KEYS.includes(value as TriggerKey);
}

const TITLE_WORDS = 8;
/** Chinese runs on without spaces: it is cut by characters, fewer than a spaced language. */
const TITLE_CHARS = { spaced: 60, unspaced: 24 };

/**
 * A title from the first words of the body: its first line up to the end of the first sentence,
 * at most 8 words, or 24 characters of Chinese; `…` where it was cut.
 */
export function defaultTitle(body: string): string {
  const line = body.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  const end = line.search(/[。！？；]|[.!?;](?=\s|$)/);
  let title = end > 0 ? line.slice(0, end) : line;
  let cut = false;
  const words = title.split(/\s+/);
  if (words.length > TITLE_WORDS) [title, cut] = [words.slice(0, TITLE_WORDS).join(' '), true];
  const chars = [...title];
  const limit = words.length > 1 ? TITLE_CHARS.spaced : TITLE_CHARS.unspaced;
  if (chars.length > limit) [title, cut] = [chars.slice(0, limit).join(''), true];
  return cut ? `${title}…` : title;
}

/** Tags typed in one box: split at commas (also Chinese ，、；), trimmed, each once. */
export function parseTags(input: string): string[] {
  return [...new Set(input.split(/[,，、;；\n]/).map((t) => t.trim()).filter(Boolean))];
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}

export type AbbreviationProblem = 'invalid' | 'taken';

/**
 * Whether `abbreviation` can be given to the snippet `id`: printable ASCII without spaces, at
 * most 32 characters, and no other snippet's.
 */
export function checkAbbreviation(abbreviation: string, id: string, others: readonly Pick<Snippet, 'id' | 'abbreviation'>[]): AbbreviationProblem | null {
  if (!ABBREVIATION.test(abbreviation)) return 'invalid';
  return others.some((s) => s.id !== id && s.abbreviation === abbreviation) ? 'taken' : null;
}

/** Whether saved HTML carries formatting worth keeping, rather than being bare text. */
export function hasMarkup(html: string | undefined): html is string {
  return !!html && /<(?!br\b)[a-z]/i.test(html);
}

export interface SnippetDraft {
  title?: string;
  body: string;
  html?: string;
  tags?: string[];
  folder?: string;
  abbreviation?: string;
}

/** What the snippet editor saves. */
export type SnippetFields = SnippetDraft & { title: string; tags: string[] };

/** A new record; `html` must be sanitized already. */
export function newSnippet(draft: SnippetDraft, id: string, now: number): Snippet {
  const title = draft.title?.trim() || defaultTitle(draft.body);
  const snippet: Snippet = { id, title, body: draft.body, tags: draft.tags ?? [], createdAt: now, updatedAt: now, useCount: 0 };
  if (hasMarkup(draft.html)) snippet.html = draft.html;
  if (draft.folder?.trim()) snippet.folder = draft.folder.trim();
  if (draft.abbreviation) snippet.abbreviation = draft.abbreviation;
  return snippet;
}

/** A copy under a new id, as a new snippet: unused, and without the abbreviation (it must stay unique). */
export function duplicateSnippet(original: Snippet, id: string, now: number, title: string): Snippet {
  const copy: Snippet = { ...original, id, title, createdAt: now, updatedAt: now, useCount: 0 };
  delete copy.abbreviation;
  delete copy.lastUsedAt;
  return copy;
}

/** `snippet` with the fields the user edited; an emptied optional field is removed. */
export function editedSnippet(snippet: Snippet, fields: SnippetFields, now: number): Snippet {
  const edited: Snippet = { ...snippet, title: fields.title, body: fields.body, tags: fields.tags, updatedAt: now };
  delete edited.html;
  delete edited.folder;
  delete edited.abbreviation;
  if (hasMarkup(fields.html)) edited.html = fields.html;
  if (fields.folder?.trim()) edited.folder = fields.folder.trim();
  if (fields.abbreviation) edited.abbreviation = fields.abbreviation;
  return edited;
}
