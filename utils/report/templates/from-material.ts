/**
 * A template from cleaned sample material: its sections as splitSections finds them, headings
 * stored without their numbers so that they are numbered again where they are inserted.
 */

import type { Template, TemplateSection } from '../../db/schema';
import { cleanMaterial, type CleanupChange, type CleanupResult, type CleanupRule } from '../cleanup';
import { checkMaterialText, type Checked } from '../material-file';
import { parseOutline } from '../outline';
import { splitSections, type Section } from '../sections';

export interface ImportedMaterial {
  cleanup: CleanupResult;
  /** Each change with the line of the original text it starts on (1-based). */
  changes: (CleanupChange & { line: number })[];
  sections: TemplateSection[];
}

/**
 * The import pipeline: check the text, clean it with the rules the user left on, split it into
 * sections. A problem (empty, too long, binary, nothing left after cleanup) means no template.
 */
export function importMaterial(raw: string, rules?: CleanupRule[]): Checked<ImportedMaterial> {
  const checked = checkMaterialText(raw);
  if (!checked.ok) return checked;
  const cleanup = cleanMaterial(raw, rules);
  if (!cleanup.text.trim()) return { ok: false, problem: { kind: 'empty' } };
  let line = 1;
  let counted = 0;
  const changes = cleanup.changes.map((change) => {
    // Changes are sorted: count line breaks once, from one change to the next.
    for (let i = raw.indexOf('\n', counted); i >= 0 && i < change.start; i = raw.indexOf('\n', i + 1)) line++;
    counted = change.start;
    return { ...change, line };
  });
  return { ok: true, cleanup, changes, sections: sectionsFromMaterial(cleanup.text) };
}

function sectionsFromMaterial(text: string): TemplateSection[] {
  return splitSections(text)
    .map(toTemplateSection)
    .filter((s) => s.heading || s.body);
}

/** The material's document title, else `fallback` (a file name), else its first words. */
export function materialTitle(text: string, fallback = ''): string {
  const preamble = splitSections(text).find((s) => s.kind === 'preamble');
  const title = preamble?.title || fallback.replace(/\.[^.]+$/, '').trim() || text.trim().split(/\r\n?|\n/, 1)[0] || '';
  return [...title].slice(0, 60).join('');
}

export function templateFromMaterial(text: string, meta: { id: string; title: string; now: number }): Template {
  return {
    id: meta.id,
    title: meta.title.trim(),
    kind: 'imported',
    description: '',
    language: /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en',
    sections: sectionsFromMaterial(text),
    createdAt: meta.now,
    updatedAt: meta.now,
  };
}

function toTemplateSection(section: Section): TemplateSection {
  if (section.kind === 'preamble') {
    // A title on the first line becomes the template's title line; the rest is its opening.
    const lineBreak = section.body.search(/\r\n?|\n/);
    const first = lineBreak < 0 ? section.body : section.body.slice(0, lineBreak);
    if (section.title && first.trim() === section.title) {
      return { heading: section.title, level: 0, body: lineBreak < 0 ? '' : section.body.slice(lineBreak).trim() };
    }
    return { heading: '', level: 0, body: section.body };
  }
  if (section.kind === 'closing') return { heading: section.heading, level: 1, numbered: false, body: section.body };
  // Top-level parts become level 1 whatever their depth in the material (a `##` document).
  const item = parseOutline(section.heading)[0];
  if (!item || item.kind === 'lead' || item.kind === 'closing') return { heading: section.heading, level: 1, numbered: false, body: section.body };
  const heading = section.heading.slice(section.heading.indexOf(item.numbering) + item.numbering.length).trim();
  return { heading, level: 1, body: section.body };
}
