/** A template as a JSON file the user downloads: readable, and complete enough to restore. */

import type { Template } from '../../db/schema';

const TEMPLATE_FILE_FORMAT = 'report-drafting-template';

export function templateToJson(template: Template): string {
  return `${JSON.stringify({ format: TEMPLATE_FILE_FORMAT, version: 1, template }, null, 2)}\n`;
}

/** A file name from the title, without characters file systems refuse. */
export function templateFileName(title: string): string {
  const base = title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim().slice(0, 80) || 'template';
  return `${base}.json`;
}
