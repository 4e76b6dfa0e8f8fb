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
import { findPlaceholders } from '../placeholders';

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
}

/** Whether a section's heading takes a number: not the title (level 0), not closing parts. */
function isNumbered(section: TemplateSection): boolean {
  return section.level > 0 && section.numbered !== false;
}

/** Renders sections (each with its children) in order, numbered to fit after `before`. */
export function renderSections(sections: readonly TemplateSection[], options: RenderOptions = {}): Rendered {
  const before = options.before ?? '';
  const values = options.values ?? {};
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
    const heading = section.level === 0 && options.title === false ? '' : fillNamed(section.heading, values).trim();
    if (heading || isNumbered(section)) {
      const marker = isNumbered(section) ? markerAt(context, section.level, options.language) : '';
      add(marker + separator(marker, heading) + heading, `h${Math.min(section.level + 1, 6)}`);
    }
    const body = fillNamed(section.body, values).trimEnd();
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
  const found = findPlaceholders(text).filter((p) => p.kind === 'named' && p.name !== undefined && values[p.name]?.trim());
  for (const p of found.reverse()) out = out.slice(0, p.start) + values[p.name!].trim() + out.slice(p.end);
  return out;
}

/** Names of the named placeholders in sections and their children, each once, in order. */
export function templateFields(sections: readonly TemplateSection[]): string[] {
  const names = new Set<string>();
  const visit = (section: TemplateSection) => {
    for (const text of [section.heading, section.body]) {
      for (const p of findPlaceholders(text)) if (p.kind === 'named' && p.name) names.add(p.name);
    }
    section.children?.forEach(visit);
  };
  sections.forEach(visit);
  return [...names];
}
