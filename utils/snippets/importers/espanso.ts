/**
 * espanso's match files (YAML): `matches:` with `trigger` (or `triggers`), `replace` (or
 * `markdown`, `html`, `form`), `label` and `vars`. `$|$` is the caret, `{{name}}` a variable
 * (`date` with a chrono `format` and an `offset` in seconds, `clipboard`, `choice`, `form`…),
 * `[[name]]` a form field. Pure.
 */
import { load as loadYaml } from 'js-yaml';
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

/** chrono's strftime specifiers and the tokens written here; others (`%I`, `%p`, `%S`, `%j`…) have no counterpart. */
const CHRONO: Record<string, string> = { Y: 'YYYY', y: 'YY', m: 'MM', d: 'DD', e: 'D', B: 'MMMM', b: 'MMM', A: 'dddd', a: 'ddd', H: 'HH', M: 'mm' };
const DAY_SECONDS = 86400;

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict => !!value && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** Whether parsed YAML is an espanso match file. */
export function isEspansoFile(data: unknown): boolean {
  return isDict(data) && Array.isArray(data.matches);
}

/** `%Y-%m-%d` → `YYYY-MM-DD`, or null when a specifier has no token here. */
function chronoFormat(format: string): string | null {
  let ok = true;
  // Letters outside specifiers would be read as tokens: keep them literal in brackets.
  const converted = format.replace(/%([A-Za-z%])|([A-Za-z]+)/g, (_all, spec: string | undefined, word: string | undefined) => {
    if (word) return `[${word}]`;
    if (spec === '%') return '%';
    const token = CHRONO[spec!];
    if (!token) ok = false;
    return token ?? '';
  });
  return ok ? converted : null;
}

/** One variable as a field here, or null when it has no counterpart. */
function variableField(variable: Dict): string | null {
  const params = isDict(variable.params) ? variable.params : {};
  const name = fieldName(text(variable.name), 'Field');
  switch (variable.type) {
    case 'clipboard':
      return '{{clipboard}}';
    case 'echo':
      return literal(text(params.echo));
    case 'choice': {
      const values = Array.isArray(params.values) ? params.values.map((v) => (isDict(v) ? text(v.label ?? v.id) : text(v))) : [];
      return values.length ? writeChoice(name, values) : null;
    }
    case 'date': {
      const offset = Number(params.offset ?? 0);
      if (!Number.isInteger(offset) || offset % DAY_SECONDS) return null;
      const days = offset / DAY_SECONDS;
      const format = chronoFormat(text(params.format) || '%Y-%m-%d');
      return format === null ? null : writeDate(format, days ? `${days > 0 ? '+' : ''}${days}d` : '');
    }
    default:
      // shell, script, random, match, global variables of other files: nothing here runs them.
      return null;
  }
}

/** The form fields of a layout (`[[name]]`) as fields, with their kinds from `fields`. */
function mapForm(layout: string, fields: Dict): string {
  return layout.replace(/\[\[\s*([^\]]+?)\s*\]\]/g, (_all, raw: string) => {
    const spec = isDict(fields[raw]) ? (fields[raw] as Dict) : {};
    const name = fieldName(raw, 'Field');
    const values = Array.isArray(spec.values) ? spec.values.map(text) : typeof spec.values === 'string' ? spec.values.split('\n') : [];
    if ((spec.type === 'choice' || spec.type === 'list') && values.length) return writeChoice(name, values, text(spec.default));
    return writeField(name, spec.multiline === true ? 'paragraph' : 'text', text(spec.default));
  });
}

function mapReplace(source: string, match: Dict, title: string, collector: ImportCollector): string {
  const vars = new Map<string, Dict>();
  for (const variable of Array.isArray(match.vars) ? match.vars : []) if (isDict(variable) && variable.name) vars.set(text(variable.name), variable);
  // A form variable's fields are written `{{form1.name}}` in the text.
  const formFields = new Map<string, string>();
  for (const [varName, variable] of vars) {
    if (variable.type !== 'form' || !isDict(variable.params)) continue;
    const fields = isDict(variable.params.fields) ? variable.params.fields : {};
    for (const found of text(variable.params.layout).matchAll(/\[\[\s*([^\]]+?)\s*\]\]/g)) formFields.set(`${varName}.${found[1]}`, mapForm(`[[${found[1]}]]`, fields));
  }
  let stops = 0;
  return source
    .replace(/\{\{\s*([^{}]*?)\s*\}\}|\$\|\$|\{\{/g, (whole, name: string | undefined) => {
      if (whole === '$|$') return stops++ ? '{{tab}}' : '{{cursor}}';
      if (name === undefined) return '{{{{';
      const form = formFields.get(name);
      if (form) return form;
      const variable = vars.get(name);
      const field = variable ? variableField(variable) : null;
      if (field !== null) return field;
      collector.note(title, variable?.type ? `${whole} (${text(variable.type)})` : whole, 'no-counterpart');
      return `{{${whole}`;
    });
}

export function parseEspanso(source: string, fileName: string): ParsedLibrary {
  let data: unknown;
  try {
    data = loadYaml(source, { json: true });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    return damaged('espanso', mark?.line !== undefined ? { code: 'line', at: mark.line + 1 } : { code: 'cut-short' });
  }
  if (!isEspansoFile(data)) return damaged('espanso', { code: 'no-list', at: 'matches' });
  const collector = new ImportCollector();
  const folder = fileName.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '').trim();
  for (const [i, match] of ((data as { matches: unknown[] }).matches).entries()) {
    if (!isDict(match)) return damaged('espanso', { code: 'entry', at: `matches[${i}]` });
    const triggers = Array.isArray(match.triggers) ? match.triggers.map(text) : match.trigger !== undefined ? [text(match.trigger)] : [];
    const html = typeof match.html === 'string' ? match.html : null;
    const form = typeof match.form === 'string' ? match.form : null;
    const plain = text(match.replace ?? match.markdown);
    if (html === null && form === null && !plain) {
      if (match.image_path !== undefined || match.regex !== undefined) {
        collector.note(text(match.label) || triggers[0] || text(match.regex), match.image_path !== undefined ? 'image_path' : 'regex', 'no-counterpart');
        continue;
      }
      return damaged('espanso', { code: 'entry', at: `matches[${i}]` });
    }
    const title = text(match.label).trim() || defaultTitle(htmlOrText(html, form, plain)).replace(/\s*[:：]$/, '') || triggers[0] || folder;
    let content: Pick<ImportedDraft, 'body' | 'html'>;
    if (form !== null) {
      const fields = isDict(match.form_fields) ? match.form_fields : {};
      content = { body: mapForm(mapReplace(form, match, title, collector), fields) };
    } else if (html !== null) content = richBody(mapReplace(html, match, title, collector));
    else content = { body: mapReplace(plain, match, title, collector) };
    if (match.markdown !== undefined) collector.note(title, 'markdown', 'plain-only');
    const draft: ImportedDraft = { title, ...content, tags: [], sourceKey: `espanso:${folder}/${triggers.join('|')}/${title}` };
    if (folder) draft.folder = folder;
    // The first trigger becomes the abbreviation; further ones are noted.
    for (const extra of triggers.slice(1)) collector.note(title, extra, 'abbreviation');
    collector.drafts.push(withAbbreviation(draft, triggers[0], collector));
  }
  return collector.result('espanso');
}

/** The words of a match for its title: tags and the caret dropped, variables by their names. */
const htmlOrText = (html: string | null, form: string | null, plain: string) =>
  (html ?? form ?? plain)
    .replace(/<[^>]*>|\$\|\$/g, ' ')
    .replace(/\{\{\s*([^{}]*?)\s*\}\}|\[\[\s*([^\]]*?)\s*\]\]/g, (_all, name?: string, field?: string) => name ?? field ?? '')
    .replace(/[ \t]+/g, ' ');
