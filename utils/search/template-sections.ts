/**
 * Template sections as things to find by name: each numbered part of every template, under its
 * heading, with the template's title to search by too. A section found is inserted with its
 * sub-parts, numbered to fit where it lands.
 */
import type { Template, TemplateSection } from '../db/schema';
import type { Searchable } from './snippet-index';

export interface SectionFound {
  templateId: string;
  templateTitle: string;
  language: Template['language'];
  /** The section with its sub-parts, as the template holds it. */
  section: TemplateSection;
}

export type SectionDoc = SectionFound & Searchable;

/**
 * Every part of `templates` that has a heading: not the title and opening (level 0), which
 * belong to a whole template. Found by heading first, then by template title; never by body,
 * which is mostly blanks and stock phrases that would match any query.
 */
export function templateSectionDocs(templates: readonly Template[]): SectionDoc[] {
  const docs: SectionDoc[] = [];
  const visit = (template: Template, section: TemplateSection) => {
    if (section.level > 0 && section.heading.trim()) {
      docs.push({
        templateId: template.id,
        templateTitle: template.title,
        language: template.language,
        section,
        title: section.heading,
        body: '',
        tags: [template.title],
        updatedAt: template.updatedAt,
        useCount: 0,
      });
    }
    for (const child of section.children ?? []) visit(template, child);
  };
  for (const template of templates) for (const section of template.sections) visit(template, section);
  return docs;
}

/** What the quick-insert box is sent of a section: no search fields. */
export function sectionFound({ templateId, templateTitle, language, section }: SectionDoc): SectionFound {
  return { templateId, templateTitle, language, section };
}
