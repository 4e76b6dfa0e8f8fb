/**
 * What a document's kind calls for, the kind told from its title. Pure.
 *
 * 党政机关公文处理工作条例 (2012): 第八条 names the kinds (请示 “适用于向上级机关请求指示、批准”, 报告,
 * 通知…); 第十五条 (四): “请示应当一文一事……不得在报告等非请示性公文中夹带请示事项”. A 请示 therefore
 * ends with its request (`妥否，请批示。`) and asks one thing; a 报告 asks for no approval. A 通知
 * is addressed to someone: GB/T 9704-2012 7.3.2 puts the addressee under the title.
 */
import type { DocumentKind } from './types';
import type { DocFinding, DocView } from './doc';
import { lineText } from './doc';
import { addresseeLine } from './format';
import { matches, type LineView } from './line';

const KIND_WORDS: [RegExp, DocumentKind][] = [
  [/请示$/, 'request'],
  [/报告$/, 'report'],
  [/通知$/, 'notice'],
  [/函$/, 'letter'],
  [/意见$/, 'opinion'],
  [/决定$/, 'decision'],
  [/通报$/, 'bulletin'],
  [/批复$/, 'reply'],
];

const TITLE_LINES = 12;

/** The title line (the first short line near the top that names a kind) and the kind it names. */
export function titleAndKind(lines: readonly string[]): { index: number; kind: DocumentKind } {
  let seen = 0;
  let first = -1;
  for (let i = 0; i < lines.length && seen < TITLE_LINES; i++) {
    const text = lines[i].trim().replace(/^《|》$/g, '').trim();
    if (!text) continue;
    seen++;
    if (text.length > 80 || /[。！？；]/.test(text)) continue;
    if (first < 0 && /[\u4e00-\u9fff]/.test(text)) first = i;
    for (const [re, kind] of KIND_WORDS) if (re.test(text)) return { index: i, kind };
  }
  return { index: first, kind: 'other' };
}

// Asking for approval or instructions.
const RE_REQUEST = /妥否|当否|可否|请(?:予以?)?(?:批示|审批|批准|批复|核准|审定|指示)|特此请示/g;

function requests(line: LineView): void {
  if (!/[否请]/.test(line.text)) return;
  for (const m of matches(RE_REQUEST, line.text)) (line.facts.requests ??= []).push({ start: m.index, end: m.index + m[0].length, text: m[0] });
}

/** The last lines of the body: before the signature, the date, and the attachments that follow. */
function closingLines(doc: DocView): number[] {
  let end = doc.lines.length;
  // Attachments after the body start with a line `附件` or `附件1` alone.
  for (let i = doc.titleIndex + 1; i < doc.lines.length; i++) {
    if (/^[ \t\u3000]*附件[ \t\u3000]*\d{0,2}[ \t\u3000]*$/.test(lineText(doc, i))) {
      end = i;
      break;
    }
  }
  const out: number[] = [];
  for (let i = end - 1; i > doc.titleIndex && out.length < 2; i--) {
    const text = lineText(doc, i).trim();
    if (!text) continue;
    // The signature and the date: short lines without punctuation.
    if (text.length <= 30 && !/[，。；：！？]/.test(text)) continue;
    if (/^附件[：:]|^\d{1,2}[.．、]/.test(text)) continue;
    out.push(i);
  }
  return out;
}

export function kindLine(line: LineView): void {
  if (line.hasHan) requests(line);
}

export function kindDocument(doc: DocView, out: DocFinding[]): void {
  if (doc.titleIndex < 0 || doc.kind === 'other') return;
  const title = lineText(doc, doc.titleIndex);
  const titleStart = doc.starts[doc.titleIndex] + title.length - title.trimStart().length;
  const titleEnd = doc.starts[doc.titleIndex] + title.trimEnd().length;
  const requestLines = doc.results.flatMap((r, i) => (i > doc.titleIndex && r.facts.requests?.length ? [i] : []));
  if (doc.kind === 'request') {
    const closing = closingLines(doc);
    const ending = closing.find((i) => doc.results[i].facts.requests?.length);
    if (ending === undefined) {
      out.push({ start: titleStart, end: titleEnd, rule: 'request-ending', key: 'checkRequestEnding', params: [] });
    }
    // Besides the closing request, paragraphs that ask for approval of their own.
    const asking = requestLines.filter((i) => i !== ending).length;
    if (asking >= 2) {
      out.push({ start: titleStart, end: titleEnd, rule: 'request-one-thing', key: 'checkRequestOneThing', params: [String(asking + (ending === undefined ? 0 : 1))] });
    }
  } else if (doc.kind === 'report') {
    for (const i of requestLines) {
      for (const r of doc.results[i].facts.requests!) {
        if (r.text === '可否') continue;
        const start = doc.starts[i] + r.start;
        out.push({ start, end: start + r.text.length, rule: 'report-request', key: 'checkReportRequest', params: [r.text] });
      }
    }
  } else if (doc.kind === 'notice') {
    if (addresseeLine(doc) < 0) out.push({ start: titleStart, end: titleEnd, rule: 'notice-addressee', key: 'checkNoticeAddressee', params: [] });
  }
}
