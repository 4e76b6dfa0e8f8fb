/**
 * Text Blaze's exported folders: one JSON file, `{ version, folders: [{ name, snippets: [{ name,
 * shortcut, type, text, html }] }] }`. Its commands are written in single braces
 * (`{formtext: name=x; default=y}`, `{time: YYYY-MM-DD; shift=+1D}`). Pure.
 */
import { defaultTitle } from '../record';
import {
  damaged,
  fieldName,
  ImportCollector,
  literal,
  richBody,
  withAbbreviation,
  writeChoice,
  writeDate,
  writeField,
  type ImportedDraft,
  type ParsedLibrary,
} from './common';

interface BlazeSnippet {
  id?: unknown;
  name?: unknown;
  shortcut?: unknown;
  type?: unknown;
  text?: unknown;
  html?: unknown;
}

/** Whether parsed JSON has the shape of a Text Blaze export. */
export function isTextBlazeExport(data: unknown): boolean {
  return !!data && typeof data === 'object' && Array.isArray((data as { folders?: unknown }).folders) && typeof (data as { version?: unknown }).version === 'number';
}

/** A command's settings: `a; b; name=x; default=y` → positional `[a, b]` and named `{ name, default }`. */
function commandArguments(text: string): { positional: string[]; named: Map<string, string> } {
  const positional: string[] = [];
  const named = new Map<string, string>();
  for (const part of text.split(';')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const equals = /^([a-z_]+)\s*=([\s\S]*)$/i.exec(trimmed);
    if (equals) named.set(equals[1].toLowerCase(), equals[2].trim().replace(/^"(.*)"$/, '$1'));
    else positional.push(trimmed.replace(/^"(.*)"$/, '$1'));
  }
  return { positional, named };
}

const SHIFT_UNITS: Record<string, string> = { D: 'd', W: 'w', M: 'm', Y: 'y' };

/** `{time: …}` as a date field, or null when its format or shift has no counterpart. */
function timeField(positional: string[], named: Map<string, string>): string | null {
  let offset = '';
  const shift = named.get('shift');
  if (shift) {
    const match = /^([+-])\s*(\d{1,4})\s*([DWMY])$/i.exec(shift.trim());
    if (!match) return null;
    offset = `${match[1]}${match[2]}${SHIFT_UNITS[match[3].toUpperCase()]}`;
  }
  return writeDate(positional[0] ?? '', offset);
}

/** The commands of one snippet (HTML or text) as fields, each one without a counterpart noted and left as written. */
function mapCommands(source: string, title: string, collector: ImportCollector): string {
  let unnamed = 0;
  const nameOf = (named: Map<string, string>) => fieldName(named.get('name') ?? named.get('label') ?? '', `Field ${++unnamed}`);
  return literal(source).replace(/\{([a-z=][^{}]*)\}/gi, (command, inner: string) => {
    const colon = inner.indexOf(':');
    const head = (colon < 0 ? inner : inner.slice(0, colon)).trim().toLowerCase();
    const { positional, named } = commandArguments(colon < 0 ? '' : inner.slice(colon + 1));
    let mapped: string | null = null;
    switch (head) {
      case 'cursor':
        mapped = '{{cursor}}';
        break;
      case 'clipboard':
        mapped = '{{clipboard}}';
        break;
      case 'formtext':
        mapped = writeField(nameOf(named), 'text', named.get('default'));
        break;
      case 'formparagraph':
        mapped = writeField(nameOf(named), 'paragraph', named.get('default'));
        break;
      case 'formdate':
        mapped = writeField(nameOf(named), 'date', named.get('default'));
        break;
      case 'formmenu':
        // A menu that takes several answers at once has no counterpart.
        if (!/^(yes|true)$/i.test(named.get('multiple') ?? '')) mapped = writeChoice(nameOf(named), positional, named.get('default'));
        break;
      case 'time':
        mapped = timeField(positional, named);
        break;
      case 'import': {
        const target = positional[0]?.trim().replace(/^\//, '');
        if (target) mapped = `{{snippet:${target}}}`;
        break;
      }
    }
    if (mapped === null) collector.note(title, command, 'no-counterpart');
    return mapped ?? command;
  });
}

export function parseTextBlaze(data: unknown): ParsedLibrary {
  if (!isTextBlazeExport(data)) return damaged('textblaze', { code: 'no-list', at: 'folders' });
  const collector = new ImportCollector();
  const folders = (data as { folders: unknown[] }).folders;
  for (const [f, folder] of folders.entries()) {
    if (!folder || typeof folder !== 'object' || !Array.isArray((folder as { snippets?: unknown }).snippets)) return damaged('textblaze', { code: 'entry', at: `folders[${f}]` });
    const folderName = typeof (folder as { name?: unknown }).name === 'string' ? ((folder as { name: string }).name.trim()) : '';
    for (const [s, snippet] of ((folder as { snippets: BlazeSnippet[] }).snippets).entries()) {
      if (!snippet || typeof snippet !== 'object') return damaged('textblaze', { code: 'entry', at: `folders[${f}].snippets[${s}]` });
      const html = typeof snippet.html === 'string' && snippet.type !== 'text' ? snippet.html : null;
      const text = typeof snippet.text === 'string' ? snippet.text : null;
      if (html === null && text === null) return damaged('textblaze', { code: 'entry', at: `folders[${f}].snippets[${s}]` });
      const name = typeof snippet.name === 'string' ? snippet.name.trim() : '';
      const shortcut = typeof snippet.shortcut === 'string' ? snippet.shortcut : undefined;
      const title = name || defaultTitle(text ?? html ?? '');
      const content = html !== null ? richBody(mapCommands(html, title, collector)) : { body: mapCommands(text!, title, collector) };
      const id = typeof snippet.id === 'string' ? snippet.id : `${folderName}/${title}/${shortcut ?? ''}`;
      const draft: ImportedDraft = { title, ...content, tags: [], sourceKey: `textblaze:${id}` };
      if (folderName) draft.folder = folderName;
      collector.drafts.push(withAbbreviation(draft, shortcut, collector));
    }
  }
  return collector.result('textblaze');
}
