/**
 * Rendering template sections for insertion at the caret, as plain text and as HTML.
 *
 * Numbering fits where the text lands: each numbered heading gets the marker nextNumberingAt
 * gives at that point of the document, counting the document before the caret and what has
 * been rendered so far. So a top-level section inserted after `二、` reads `三、`, its
 * children count `（一）`, `（二）` under it, and the next top-level section of a whole template
 * reads `四、`. Guidance notes are for the writer and are never rendered.
 */

import type { Template, TemplateSection } from '../../db/schema';
import { escapeHtml } from '../html-text';
import { nextNumberingAt } from '../outline';
import { findPlaceholders, isNamedField } from '../placeholders';
import { fieldsToAsk, renderFields, type AskedField } from '../../snippets/fields';

export interface Rendered {
  /** Plain text, lines separated by '\n'; the editor's adapter puts it on lines of its own. */
  text: string;
  /** Headings and paragraphs; escaped, but still to be sanitized before it leaves the panel. */
  html: string;
}

export interface RenderOptions {
  /** The document's text before the caret: numbering counts on from it. */
  before?: string;
  /** Values for named placeholders (`{{单位名称}}`); a missing or blank value leaves the placeholder. */
  values?: Readonly<Record<string, string>>;
  /** The template's language: English numbering (`1.`) when the document gives no clue. */
  language?: Template['language'];
  /** Whether the title (the heading of a level-0 section) is written; it is by default. A
   * whole template dropped into a report already begun goes in without its title. */
  title?: boolean;
  /** The time `{{date}}` and `{{time}}` fields write; now by default. */
  now?: Date;
}

/** Whether a section's heading takes a number: not the title (level 0), not closing parts. */
function isNumbered(section: TemplateSection): boolean {
  return section.level > 0 && section.numbered !== false;
}

/** Renders sections (each with its children) in order, numbered to fit after `before`. */
export function renderSections(sections: readonly TemplateSection[], options: RenderOptions = {}): Rendered {
  const before = options.before ?? '';
  const values = options.values ?? {};
  const now = options.now ?? new Date();
  const fill = (text: string) => fillFields(text, values, now, options.language ?? 'zh');
  // The document as it will read up to the line being rendered: the insertion starts a line.
  let context = before && !/\n$/.test(before) ? `${before}\n` : before;
  const lines: string[] = [];
  const html: string[] = [];

  const add = (line: string, tag: string) => {
    lines.push(line);
    context += `${line}\n`;
    if (line.trim()) html.push(`<${tag}>${escapeHtml(line)}</${tag}>`);
  };

  const visit = (section: TemplateSection) => {
    const heading = section.level === 0 && options.title === false ? '' : fill(section.heading).trim();
    if (heading || isNumbered(section)) {
      const marker = isNumbered(section) ? markerAt(context, section.level, options.language) : '';
      add(marker + separator(marker, heading) + heading, `h${Math.min(section.level + 1, 6)}`);
    }
    const body = fill(section.body).trimEnd();
    if (body) for (const line of body.split(/\r\n?|\n/)) add(line, 'p');
    section.children?.forEach(visit);
  };
  sections.forEach(visit);

  return { text: lines.join('\n'), html: html.join('') };
}

/** Renders a whole template: its sections in order. */
export function renderTemplate(template: Pick<Template, 'sections' | 'language'>, options: RenderOptions = {}): Rendered {
  return renderSections(template.sections, { language: template.language, ...options });
}

function markerAt(context: string, level: number, language: RenderOptions['language']): string {
  // Nothing written yet to take a style from: an English template numbers in English.
  if (language === 'en' && !/[A-Za-z\u3400-\u9fff]/.test(context)) return level === 1 ? '1.' : '1.1';
  return nextNumberingAt(context, context.length, level);
}

/** `三、标题`, `（一）标题`, `1.加强` run on; `1. Summary`, `1.1 Scope`, `## 标题` take a space. */
function separator(marker: string, heading: string): string {
  if (!marker || !heading) return '';
  if (marker.startsWith('#')) return ' ';
  return /[A-Za-z0-9.]$/.test(marker) && /^[A-Za-z0-9]/.test(heading) ? ' ' : '';
}

/** Replaces the named placeholders that have a value; the others stay for the checklist. */
export function fillNamed(text: string, values: Readonly<Record<string, string>>): string {
  let out = text;
  const found = findPlaceholders(text).filter((p) => isNamedField(p) && values[p.name!]?.trim());
  for (const p of found.reverse()) out = out.slice(0, p.start) + values[p.name!].trim() + out.slice(p.end);
  return out;
}

/**
 * A template's text with its fields written (the syntax of snippets' fields: a value given, else
 * the default; dates and times; a field with neither stays `{{名称}}` for the checklist), then
 * its other named placeholders (`【单位名称】`, `[Name]`) filled from the same values. Caret
 * stops have no meaning in a template and write nothing.
 */
function fillFields(text: string, values: Readonly<Record<string, string>>, now: Date, language: Template['language']): string {
  const given = Object.fromEntries(Object.entries(values).flatMap(([name, value]) => (value.trim() ? [[name, value.trim()]] : [])));
  const rendered = renderFields(text, { values: given, now, language, keepUnfilled: true });
  return fillNamed('problem' in rendered ? text : rendered.text, values);
}

/**
 * The fields a template asks for, each once, in order, children included: its fields with their
 * kind and default, and its other named placeholders (`【单位名称】`) as fields of one line.
 */
export function templateFields(sections: readonly TemplateSection[]): AskedField[] {
  const fields = new Map<string, AskedField>();
  const visit = (section: TemplateSection) => {
    for (const text of [section.heading, section.body]) {
      for (const field of fieldsToAsk(text).fields) if (!fields.has(field.name)) fields.set(field.name, field);
      for (const p of findPlaceholders(text)) {
        if (isNamedField(p) && p.rule !== 'mustache' && p.name && !fields.has(p.name)) fields.set(p.name, { name: p.name, kind: 'text', default: '', choices: [] });
      }
    }
    section.children?.forEach(visit);
  };
  sections.forEach(visit);
  return [...fields.values()];
}
