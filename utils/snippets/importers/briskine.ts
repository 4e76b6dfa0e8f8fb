/**
 * Briskine's CSV of templates: a header row (`id, title, shortcut, subject, to, cc, bcc, tags,
 * body`, and `body_plain_text` in its exports), the body in HTML. Its variables are Handlebars
 * (`{{to.first_name}}`, `{{cursor}}`, `{{#if …}}`). Pure.
 */
import { defaultTitle, parseTags } from '../record';
import { damaged, fieldName, ImportCollector, richBody, withAbbreviation, type ImportedDraft, type ParsedLibrary } from './common';
import { parseCsv } from './csv';

const REQUIRED = ['title', 'body'];
const EMAIL_FIELDS = ['subject', 'to', 'cc', 'bcc'];

/** Whether the first line of a CSV is Briskine's header. */
export function isBriskineHeader(firstLine: string): boolean {
  const names = firstLine.replace(/^\uFEFF/, '').toLowerCase().split(',').map((n) => n.trim().replace(/^"|"$/g, ''));
  return REQUIRED.every((n) => names.includes(n)) && names.includes('shortcut');
}

/** `to.first_name` → `To first name`: the name the form asks it by. */
function readableName(path: string): string {
  const words = path.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const EXPRESSION = /\{\{\{?\s*([^{}]*?)\s*\}?\}\}/g;
const PATH = /^[a-z_][\w]*(?:\.[\w]+)*$/i;

function mapVariables(html: string, title: string, collector: ImportCollector): string {
  let stops = 0;
  const stop = () => (stops++ ? '{{tab}}' : '{{cursor}}');
  return html.replace(EXPRESSION, (expression, inner: string) => {
    const word = inner.trim();
    if (/^cursor$/i.test(word) || /^#cursor$/i.test(word)) return stop();
    // The placeholder text of `{{#cursor}}text{{/cursor}}` stays as text after the stop.
    if (/^\/cursor$/i.test(word)) return '';
    if (PATH.test(word)) {
      collector.note(title, expression, 'asked');
      return `{{${fieldName(readableName(word), 'Field')}}}`;
    }
    collector.note(title, expression, 'no-counterpart');
    return `{{${expression}`;
  });
}

export function parseBriskine(text: string): ParsedLibrary {
  const csv = parseCsv(text);
  if (!csv.ok) return damaged('briskine', { code: 'quote' });
  const [header, ...rows] = csv.rows;
  const names = (header ?? []).map((n) => n.trim().toLowerCase());
  if (!REQUIRED.every((n) => names.includes(n))) return damaged('briskine', { code: 'header' });
  const column = (row: string[], name: string) => {
    const index = names.indexOf(name);
    return index < 0 ? '' : (row[index] ?? '');
  };
  const collector = new ImportCollector();
  for (const [i, row] of rows.entries()) {
    if (row.length !== names.length) return damaged('briskine', { code: 'row', at: i + 2 });
    const html = column(row, 'body');
    const title = column(row, 'title').trim() || defaultTitle(column(row, 'body_plain_text') || html.replace(/<[^>]*>/g, ' '));
    const draft: ImportedDraft = {
      title,
      ...richBody(mapVariables(html, title, collector)),
      tags: parseTags(column(row, 'tags')),
      sourceKey: `briskine:${column(row, 'id') || `${title}/${column(row, 'shortcut')}`}`,
    };
    for (const field of EMAIL_FIELDS) {
      const value = column(row, field).trim();
      if (value) collector.note(title, `${field}: ${value}`, 'email-field');
    }
    collector.drafts.push(withAbbreviation(draft, column(row, 'shortcut'), collector));
  }
  return collector.result('briskine');
}
