/** Records kept in IndexedDB. Ids are `crypto.randomUUID()` strings, ready for sync later. */

export interface Snippet {
  id: string;
  title: string;
  /** Plain text of the snippet; the searchable form. */
  body: string;
  /** Sanitized rich form, when the snippet was saved from rich text. */
  html?: string;
  tags: string[];
  folder?: string;
  abbreviation?: string;
  createdAt: number;
  updatedAt: number;
  lastUsedAt?: number;
  useCount: number;
}

export interface TemplateSection {
  heading: string;
  level: number;
  /** Body text; may hold placeholders such as `{{单位名称}}`. */
  body: string;
  /** Advice for the writer, shown in the panel, never inserted. */
  guidance?: string;
  /** False for a heading written as is (a closing part); level 0, the title, is never numbered. */
  numbered?: boolean;
  children?: TemplateSection[];
}

export interface Template {
  id: string;
  title: string;
  kind: string;
  description: string;
  language: 'zh' | 'en';
  sections: TemplateSection[];
  createdAt: number;
  updatedAt: number;
}

export interface PlaceholderRuleRecord {
  id: string;
  name: string;
  pattern: string;
  flags: string;
  kind: string;
  enabled: boolean;
  createdAt: number;
}

/** One user setting, such as the key that expands abbreviations. */
export interface SettingRecord {
  id: string;
  value: string;
}
