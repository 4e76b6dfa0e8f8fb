/** Report templates: the built-in library, rendering at the caret, and templates from material. */

import type { Template } from '../../db/schema';
import { BUILT_IN_EN } from './builtin-en';
import { BUILT_IN_ZH } from './builtin-zh';

export const BUILT_IN_TEMPLATES: readonly Template[] = [...BUILT_IN_ZH, ...BUILT_IN_EN];

export function isBuiltInTemplate(id: string): boolean {
  return id.startsWith('builtin:');
}

export { fillNamed, renderSections, renderTemplate, templateFields, type Rendered, type RenderOptions } from './render';
export { importMaterial, materialTitle, templateFromMaterial, type ImportedMaterial } from './from-material';
export { templateFileName, templateToJson } from './export';
