/**
 * TextExpander: its CSV (one snippet a row: abbreviation, content, optional label; the group is
 * the file's name) and its snippet-group files (`.textexpander`, an XML property list with
 * `groupInfo` and `snippetsTE2`). Its macros start with `%` (`%|`, `%Y-%m-%d`, `%clipboard`,
 * `%filltext:name=x:default=y%`). Pure.
 */
import { defaultTitle } from '../record';
import {
  damaged,
  fieldName,
  ImportCollector,
  literal,
  looksLikeHtml,
  richBody,
  withAbbreviation,
  writeChoice,
  writeDate,
  writeField,
  abbreviationFrom,
  type ImportedDraft,
  type ParsedLibrary,
} from './common';
import { parseCsv } from './csv';
import { parsePlist, type PlistValue } from './plist';

/** strftime-like date macros and the tokens written here; the rest (`%I`, `%p`, `%S`, `%Z`…) have no counterpart. */
const DATE_MACROS: Record<string, string> = {
  '%Y': 'YYYY',
  '%y': 'YY',
  '%m': 'MM',
  '%1m': 'M',
  '%d': 'DD',
  '%e': 'D',
  '%1d': 'D',
  '%B': 'MMMM',
  '%b': 'MMM',
  '%A': 'dddd',
  '%a': 'ddd',
  '%H': 'HH',
  '%1H': 'H',
  '%M': 'mm',
};
const DATE_MATH_UNITS: Record<string, string> = { D: 'd', W: 'w', M: 'm', Y: 'y' };

/** A run of date macros with the separators between them, after optional date math (`%@+1D`). */
const DATE_RUN = /(%@[+-]\d+[A-Za-z])?(%1?[YymdeBbAaHMIpSjZ](?:[ ,./:\-年月日]*%1?[A-Za-z])*)/y;
const MACRO = /%(\|)|%(clipboard)|%(fill(?:text|area|popup|part|partend)|key|snippet|date|time|shell|js|applescript)\b(?::((?:[^%\n]|%%)*))?%?|%%/y;

/** `name=x:default=y:a:b` → named settings and the bare values (a popup's options). */
function macroSettings(text: string): { named: Map<string, string>; bare: string[] } {
  const named = new Map<string, string>();
  const bare: string[] = [];
  for (const part of text.split(':')) {
    const equals = /^([a-z]+)=([\s\S]*)$/i.exec(part);
    if (equals) named.set(equals[1].toLowerCase(), equals[2]);
    else if (part.trim()) bare.push(part);
  }
  return { named, bare };
}

/** A run of date macros as a date field, or null when one of them or the date math has no counterpart. */
function dateField(math: string | undefined, macros: string): string | null {
  let offset = '';
  if (math) {
    const unit = DATE_MATH_UNITS[math.slice(-1).toUpperCase()];
    if (!unit) return null;
    offset = math.slice(2, -1) + unit;
  }
  const known = macros.split(/(%1?[A-Za-z])/).every((piece, i) => i % 2 === 0 || piece in DATE_MACROS);
  return known ? writeDate(macros.replace(/%1?[A-Za-z]/g, (macro) => DATE_MACROS[macro]), offset) : null;
}

/** The macros of one snippet as fields, in one pass, each without a counterpart noted and left as written. */
function mapMacros(source: string, title: string, collector: ImportCollector): string {
  let stops = 0;
  let unnamed = 0;
  const text = literal(source);
  let out = '';
  let at = 0;
  while (at < text.length) {
    const percent = text.indexOf('%', at);
    if (percent < 0) break;
    out += text.slice(at, percent);
    MACRO.lastIndex = DATE_RUN.lastIndex = percent;
    const macro = MACRO.exec(text);
    const run = macro ? null : DATE_RUN.exec(text);
    if (!macro && !run) {
      out += '%';
      at = percent + 1;
      continue;
    }
    const written = run ? run[0] : macro![0];
    at = percent + written.length;
    let mapped: string | null = null;
    if (run) mapped = dateField(run[1], run[2]);
    else if (written === '%%') mapped = '%';
    else if (macro![1]) mapped = stops++ ? '{{tab}}' : '{{cursor}}';
    else if (macro![2]) mapped = '{{clipboard}}';
    else {
      const settings = macro![4] ?? '';
      const { named, bare } = macroSettings(settings);
      const fieldNamed = () => fieldName(named.get('name') ?? '', `Field ${++unnamed}`);
      if (macro![3] === 'filltext') mapped = writeField(fieldNamed(), 'text', named.get('default'));
      else if (macro![3] === 'fillarea') mapped = writeField(fieldNamed(), 'paragraph', named.get('default'));
      else if (macro![3] === 'fillpopup') mapped = writeChoice(fieldNamed(), bare, named.get('default'));
      else if (macro![3] === 'snippet' && settings.trim()) mapped = `{{snippet:${abbreviationFrom(settings) ?? settings.trim()}}}`;
    }
    if (mapped === null) collector.note(title, written, 'no-counterpart');
    out += mapped ?? written;
  }
  return out + text.slice(at);
}

/** A group's name from the file's name: `Work snippets.csv` → `Work snippets`. */
const groupName = (fileName: string) => fileName.replace(/^.*[\\/]/, '').replace(/\.(csv|textexpander|plist|xml)$/i, '').trim();

function draftFrom(content: string, abbreviation: string | undefined, label: string, folder: string, key: string, collector: ImportCollector): ImportedDraft {
  const title = label.trim() || defaultTitle(content.replace(/<[^>]*>/g, ' ')) || abbreviation?.trim() || folder;
  const mapped = looksLikeHtml(content) ? richBody(mapMacros(content, title, collector)) : { body: mapMacros(content, title, collector) };
  const draft: ImportedDraft = { title, ...mapped, tags: [], sourceKey: `textexpander:${key}` };
  if (folder) draft.folder = folder;
  return withAbbreviation(draft, abbreviation, collector);
}

export function parseTextExpanderCsv(text: string, fileName: string): ParsedLibrary {
  const csv = parseCsv(text);
  if (!csv.ok) return damaged('textexpander-csv', { code: 'quote' });
  const collector = new ImportCollector();
  const folder = groupName(fileName);
  for (const [i, row] of csv.rows.entries()) {
    if (row.length < 2 || row.length > 3) return damaged('textexpander-csv', { code: 'row', at: i + 1 });
    collector.drafts.push(draftFrom(row[1], row[0], row[2] ?? '', folder, `${folder}/${row[0]}/${row[2] ?? ''}`, collector));
  }
  return collector.result('textexpander-csv');
}

/** TextExpander's snippet types: 0 plain text, 1 formatted (RTF), 2 AppleScript, 3 shell script, 5 JavaScript. */
const SCRIPT_TYPES: Record<number, string> = { 2: 'AppleScript', 3: 'shell script', 5: 'JavaScript' };

type Dict = { [key: string]: PlistValue };
const isDict = (value: PlistValue | undefined): value is Dict => !!value && typeof value === 'object' && !Array.isArray(value);
const stringOf = (value: PlistValue | undefined) => (typeof value === 'string' ? value : '');

export function parseTextExpanderGroup(text: string, fileName: string): ParsedLibrary {
  const plist = parsePlist(text);
  if (!plist.ok) return damaged('textexpander-group', plist.cutShort ? { code: 'cut-short' } : { code: 'markup', at: plist.at });
  const root = plist.value;
  // Version 3 files carry their snippets under `snippetsTE3` as well.
  const snippets = isDict(root) ? (root.snippetsTE2 ?? root.snippetsTE3) : undefined;
  if (!isDict(root) || !Array.isArray(snippets)) return damaged('textexpander-group', { code: 'no-list', at: 'snippetsTE2' });
  const collector = new ImportCollector();
  const folder = (isDict(root.groupInfo) && stringOf(root.groupInfo.groupName).trim()) || groupName(fileName);
  for (const [i, snippet] of snippets.entries()) {
    if (!isDict(snippet) || typeof snippet.plainText !== 'string') return damaged('textexpander-group', { code: 'entry', at: `snippetsTE2[${i}]` });
    const abbreviation = stringOf(snippet.abbreviation);
    const label = stringOf(snippet.label);
    const type = typeof snippet.snippetType === 'number' ? snippet.snippetType : 0;
    const title = label.trim() || defaultTitle(snippet.plainText) || abbreviation;
    if (SCRIPT_TYPES[type]) {
      collector.note(title, SCRIPT_TYPES[type], 'script');
      continue;
    }
    // Formatted snippets keep their formatting as RTF, which is not read here: the plain text comes in.
    if (type === 1) collector.note(title, 'RTF', 'plain-only');
    const key = stringOf(snippet.uuidString) || `${folder}/${abbreviation}/${label}`;
    collector.drafts.push(draftFrom(snippet.plainText, abbreviation, label, folder, key, collector));
  }
  return collector.result('textexpander-group');
}
