import { describe, expect, it } from 'vitest';
import { checkDocument, checkDocumentIncremental, startCheck } from '@/utils/report/check';
import { applyDelta, type TextDelta } from '@/utils/report/text-delta';
import { headingFindings, headingFindingsOfLines, outlineLine, outlineSensitive } from '@/utils/report/check/format';
import { mayOpenClosingPart } from '@/utils/report/outline';
import { readdirSync, readFileSync } from 'node:fs';
import { readSample } from './samples';
import { prng } from '../seeded-random';


// Pieces an edit types: ordinary text, and what makes or unmakes a finding of some rule, a
// heading, a title or a line break among them.
const PIECES = [
  '工作', '，', '。', '\n', '\n\n', '一、', '二、', '（一）', '（二）、', '1、', '(一)', '的的', ',', ';', '《', '》', '“', '”', 'D', 'D组',
  'xx', '××', '2023-6-1', '2023年06月', '附件:', '附件：1.名称。', '请批示', '妥否，请批示。', '和', '发展和改革委员会', '发展改革委员会',
  '15～30%', '９０', '90年5月', '...', '。。', '》、《', '「', '」', 'TBD', '  ', '##paidbegin##', '【哒哒素材库】', '（根据实际情况填写）',
  '## ', '## 三、', '第二部分', '第三章 附则', '\n第一部分\n', '2022年', '关于做好工作的通知', '关于购置设备的请示', '市政府：', 'June 1, 2023', '2023-06-01', '12,500万元', '30000万元', '对D、对的',
  // What makes a line open a closing part, or stop doing so.
  '存在的问题', '\n下一步工作打算\n', '打算', '同时，我们也清醒地认识到', '还存在一些问题和不足。', '问题', '：',
];

function randomEdit(text: string, random: () => number): TextDelta {
  const start = Math.floor(random() * (text.length + 1));
  const kind = random();
  const removed = kind < 0.4 ? 0 : Math.min(text.length - start, Math.floor(random() * (kind < 0.9 ? 4 : 200)));
  const inserted = kind > 0.7 && kind < 0.8 ? '' : PIECES[Math.floor(random() * PIECES.length)];
  return { start, removed, inserted };
}

describe('checkDocumentIncremental', () => {
  const documents = {
    'duty report': readSample('zh-duty-report-2023.txt'),
    notice: readSample('zh-notice-2019-tax-credit.txt'),
    english: 'Quarterly report\n\n1. Revenue\nRevenue grew  by 5% (see table 2.\nOwner: TBD\nClosed on 2023-06-01 and June 30, 2023.\n',
  };

  for (const [name, original] of Object.entries(documents)) {
    it(`equals a full check after each of 150 random edits (${name})`, () => {
      const random = prng(name.length * 7919);
      let text = original;
      let state = startCheck(text);
      for (let step = 0; step < 150; step++) {
        const edit = randomEdit(text, random);
        text = applyDelta(text, edit);
        state = checkDocumentIncremental(state, edit);
        expect(state.text).toBe(text);
        const full = checkDocument(text);
        if (JSON.stringify(state.findings) !== JSON.stringify(full)) {
          expect(state.findings, `step ${step}: ${JSON.stringify(edit)}`).toEqual(full);
        }
      }
    }, 120_000);
  }

  it('reads the same headings from the outline lines as from the whole text, in every real document', () => {
    const corpus = readdirSync('tests/fixtures/corpus').filter((f) => f.endsWith('.txt'));
    const texts = [...Object.values(documents), ...corpus.map((f) => readFileSync(`tests/fixtures/corpus/${f}`, 'utf8'))];
    for (const text of texts) {
      const lines = text.split('\n');
      const starts: number[] = [];
      let at = 0;
      for (const line of lines) {
        starts.push(at);
        at += line.length + 1;
      }
      expect(headingFindingsOfLines(lines.map(outlineLine), starts, true)).toEqual(headingFindings(text, true));
    }
  });

  it('counts every line that may open a closing part as one an edit of which changes the outline', () => {
    const corpus = readdirSync('tests/fixtures/corpus').filter((f) => f.endsWith('.txt'));
    const texts = [...Object.values(documents), ...corpus.map((f) => readFileSync(`tests/fixtures/corpus/${f}`, 'utf8'))];
    const found = texts.flatMap((text) => text.split(/\r\n?|\n/)).filter((line) => mayOpenClosingPart(line.trimStart()));
    expect(found.length).toBeGreaterThanOrEqual(4);
    // And the shapes of closing part the outline knows, as reports write them.
    const written = ['存在的问题', '  下一步工作打算', '2024年工作计划', '不足之处', '努力方向', '意见和建议', '工作中存在的问题和不足：',
      '在总结成绩的同时，我们也清醒地认识到：', '但是，我们也清醒地看到，发展中还有不少问题。', '今后一个时期，重点做好以下工作：'];
    for (const line of written) expect(mayOpenClosingPart(line.trimStart()), line).toBe(true);
    for (const line of [...found, ...written]) expect(outlineSensitive(line), line).toBe(true);
  });

  it('follows an edit at the very start and at the very end of the text', () => {
    let text = '一、总体要求\n我们的的任务。';
    let state = startCheck(text);
    for (const edit of [
      { start: 0, removed: 0, inserted: '（一）' },
      { start: text.length + 3, removed: 0, inserted: '\n下一步，，继续' },
      { start: 0, removed: 3, inserted: '' },
    ]) {
      text = applyDelta(text, edit);
      state = checkDocumentIncremental(state, edit);
      expect(state.findings).toEqual(checkDocument(text));
    }
    expect(state.findings.map((f) => text.slice(f.start, f.end))).toEqual(['的的', '，，']);
  });
});
