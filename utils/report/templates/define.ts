/** Shorthands for writing the built-in templates as data. */

import type { Template, TemplateSection } from '../../db/schema';

/** The title line and opening paragraph (level 0, never numbered). */
export function opening(heading: string, body: string, guidance?: string): TemplateSection {
  return withGuidance({ heading, level: 0, body }, guidance);
}

/** A numbered top-level part, with its numbered sub-parts. */
export function part(heading: string, body: string, guidance?: string, children?: TemplateSection[]): TemplateSection {
  const section = withGuidance({ heading, level: 1, body }, guidance);
  return children?.length ? { ...section, children } : section;
}

/** A numbered second-level part (`（一）`). */
export function sub(heading: string, body: string, guidance?: string): TemplateSection {
  return withGuidance({ heading, level: 2, body }, guidance);
}

/** An unnumbered closing part: a heading written as is (or none) and its text. */
export function closing(heading: string, body: string, guidance?: string): TemplateSection {
  return withGuidance({ heading, level: 1, numbered: false, body }, guidance);
}

export function builtIn(template: Omit<Template, 'createdAt' | 'updatedAt'>): Template {
  return { ...template, createdAt: 0, updatedAt: 0 };
}

function withGuidance(section: TemplateSection, guidance: string | undefined): TemplateSection {
  return guidance ? { ...section, guidance } : section;
}
