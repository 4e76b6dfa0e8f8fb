/**
 * A (cleaned) report split into its top-level sections, for templates made from sample material.
 *
 * - The top level is the shallowest numbered or markdown heading level in the document.
 * - Text before the first section is kept whole as a preamble section (level 0, no heading).
 *   Its title is the document title: a line among the first few naming a document kind
 *   (`关于…的通知`, `…情况报告`), else the first line when it is short and unpunctuated.
 * - An unnumbered closing part (`存在的问题`, or a paragraph opening `……还存在一定差距。`) is a
 *   top-level section of its own, not the tail of the last numbered section: templates offer it
 *   as a separate part. When it opens with a marker sentence rather than a heading line, that
 *   sentence stays in the body and `heading` is ''.
 */

import { parseParts, type OutlineItem } from './outline';

export interface Section {
  /** Heading title; the document title or '' for the preamble. */
  title: string;
  /** The heading's line as written, without its line break; '' when there is none. */
  heading: string;
  /** The text after the heading line up to the next section, without blank lines around it. */
  body: string;
  /** 0 for the preamble. */
  level: number;
  /** Offset of the section's first line. */
  start: number;
  kind: 'preamble' | OutlineItem['kind'];
}

const TITLE_MAX = 60;

export function splitSections(text: string): Section[] {
  const items = parseParts(text);
  const top = items
    .filter((item) => item.kind === 'numbered' || item.kind === 'markdown')
    .reduce((shallowest, item) => Math.min(shallowest, item.level), Infinity);
  const heads = items.filter((item) => item.kind === 'closing' || (item.kind !== 'lead' && item.level === top));

  const sections: Section[] = [];
  const firstStart = heads.length ? lineStartOf(text, heads[0].start) : text.length;
  const preamble = preambleSection(text.slice(0, firstStart));
  if (preamble) sections.push(preamble);

  heads.forEach((item, i) => {
    const start = lineStartOf(text, item.start);
    const end = i + 1 < heads.length ? lineStartOf(text, heads[i + 1].start) : text.length;
    const chunk = text.slice(start, end);
    const lineBreak = chunk.search(/\r\n?|\n/);
    const firstLine = lineBreak < 0 ? chunk : chunk.slice(0, lineBreak);
    const afterLine = lineBreak < 0 ? '' : chunk.slice(lineBreak).replace(/^\r?\n|^\r/, '');
    const ownLine = item.kind !== 'closing' || firstLine.trim().replace(/[：:。]$/, '') === item.title;
    sections.push({
      title: item.title,
      heading: ownLine ? firstLine.trim() : '',
      body: tidyBody(ownLine ? afterLine : chunk),
      level: item.level,
      start,
      kind: item.kind,
    });
  });
  return sections;
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Drops blank lines before and whitespace after the body, keeping the first line's indent. */
function tidyBody(body: string): string {
  return body.replace(/^(?:[ \t\u3000]*(?:\r\n?|\n))+/, '').trimEnd();
}

// A document title names its kind (关于…的通知, …情况报告); sample material opens with header
// lines (issuing office, document number) before it.
const RE_DOCUMENT_TITLE = /^关于|(?:通知|报告|意见|决定|方案|办法|规定|总结|讲话|请示|函|纪要|计划|要点|公告|通报|批复)$/;
const TITLE_SEARCH_LINES = 6;

function preambleSection(text: string): Section | null {
  if (!text.trim()) return null;
  const lines = text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line && [...line].length <= TITLE_MAX && !/[。：:；;，,.!?！？]$/.test(line))
    .slice(0, TITLE_SEARCH_LINES);
  const firstLine = text.trimStart().split(/\r\n?|\n/, 1)[0].trim();
  const title = lines.find((line) => RE_DOCUMENT_TITLE.test(line)) ?? (lines[0] === firstLine ? firstLine : '');
  return { title, heading: '', body: tidyBody(text), level: 0, start: 0, kind: 'preamble' };
}
