import { describe, expect, it } from 'vitest';
import { cleanMaterial } from '../../../utils/report/cleanup';
import { splitSections } from '../../../utils/report/sections';
import { readSample } from '../samples';

describe('splitSections on the cleaned duty report', () => {
  const text = cleanMaterial(readSample('zh-duty-report-2023.txt')).text;
  const sections = splitSections(text);

  it('gives the preamble, the five numbered sections and the closing part', () => {
    expect(sections.map((s) => [s.kind, s.level, s.title])).toEqual([
      ['preamble', 0, '2023年市人大常委会机关党组落实全面从严治党主体责任情况报告'],
      ['numbered', 1, '提高政治站位，强化政治担当'],
      ['numbered', 1, '坚持凝心铸魂，主题教育见行见效'],
      ['numbered', 1, '压实党建责任，夯实组织基础'],
      ['numbered', 1, '强化正风肃纪，建设清廉机关'],
      ['numbered', 1, '发挥领导作用，落实职责任务'],
      ['closing', 1, expect.stringMatching(/^在总结成绩的同时.*还存在一定差距$/)],
    ]);
  });

  it('keeps the whole preamble, title line included', () => {
    expect(sections[0]).toMatchObject({ heading: '', start: 0 });
    expect(sections[0].body).toMatch(/^2023年.*情况报告\n\nxxxx年，.*现将有关情况报告如下：$/s);
  });

  it('splits numbered sections after their heading line', () => {
    const first = sections[1];
    expect(first.heading).toBe('一、提高政治站位，强化政治担当');
    expect(text.slice(first.start)).toMatch(/^一、提高政治站位/);
    expect(first.body).toMatch(/^加强政治建设，确保正确方向。/);
    expect(first.body).toMatch(/一批重点难点问题。$/);
    expect(sections[5].body).toMatch(/^严格落实领导责任。.*提高妇女同志履职尽责本领。$/s);
  });

  it('keeps the closing part’s marker sentence and measures in its body', () => {
    const closing = sections[6];
    expect(closing.heading).toBe('');
    expect(closing.body).toMatch(/^在总结成绩的同时/);
    expect(closing.body).toContain('\n六是推动主体责任落实。');
    expect(closing.body).toMatch(/加强对机关党委、机关纪委领导。$/);
  });

  it('loses no text between sections', () => {
    for (const [i, section] of sections.entries()) {
      const end = sections[i + 1]?.start ?? text.length;
      const chunk = text.slice(section.start, end);
      expect(chunk).toContain(section.heading);
      expect(chunk.replace(section.heading, '').trim()).toBe(section.body);
    }
  });
});

describe('splitSections', () => {
  it('takes the document title from among the header lines of a notice (CRLF)', () => {
    const sections = splitSections(readSample('zh-notice-2019-tax-credit.txt'));
    expect(sections[0]).toMatchObject({ kind: 'preamble', title: '关于加强个人所得税纳税信用建设的通知' });
    expect(sections[0].body.startsWith('发展改革委办公厅')).toBe(true);
    expect(sections.slice(1).map((s) => s.heading)).toEqual(['一、总体要求', '二、建立个人所得税纳税信用管理机制', '三、完善守信联合激励和失信联合惩戒机制', '四、加强信息安全和权益维护', '五、强化组织实施']);
    expect(sections[2].body.startsWith('（一）全面实施')).toBe(true);
    expect(sections.every((s) => !s.heading.includes('\r'))).toBe(true);
  });

  it('splits at the shallowest level used', () => {
    const sections = splitSections('（一）甲\n正文\n1.细目\n（二）乙\n正文');
    expect(sections.map((s) => [s.level, s.heading, s.body])).toEqual([
      [2, '（一）甲', '正文\n1.细目'],
      [2, '（二）乙', '正文'],
    ]);
  });

  it('makes a closing heading line the heading of its section', () => {
    const sections = splitSections('一、工作\n正文\n\n存在的问题\n一是学习不够。\n\n下一步工作打算\n一是加强学习。');
    expect(sections.map((s) => [s.kind, s.heading, s.body])).toEqual([
      ['numbered', '一、工作', '正文'],
      ['closing', '存在的问题', '一是学习不够。'],
      ['closing', '下一步工作打算', '一是加强学习。'],
    ]);
  });

  it('keeps a problems paragraph right under its heading in that section, 一是、二是 and all', () => {
    const text = '一、主要工作\n正文。\n二、存在的问题\n对照全面从严治党的要求，还存在一定差距。一是理论学习不够深入；二是【具体问题】。';
    expect(splitSections(text).map((s) => [s.kind, s.heading, s.body])).toEqual([
      ['numbered', '一、主要工作', '正文。'],
      ['numbered', '二、存在的问题', '对照全面从严治党的要求，还存在一定差距。一是理论学习不够深入；二是【具体问题】。'],
    ]);
  });

  it('splits markdown at its top heading level', () => {
    const sections = splitSections('Intro line.\n## One\ntext\n### Sub\nmore\n## Two\n');
    expect(sections.map((s) => [s.kind, s.title, s.body])).toEqual([
      ['preamble', '', 'Intro line.'],
      ['markdown', 'One', 'text\n### Sub\nmore'],
      ['markdown', 'Two', ''],
    ]);
  });

  it('returns the whole text as a preamble when there is no heading, and nothing for blank text', () => {
    expect(splitSections('短标题\n正文。')).toEqual([{ title: '短标题', heading: '', body: '短标题\n正文。', level: 0, start: 0, kind: 'preamble' }]);
    expect(splitSections('  \n\n')).toEqual([]);
    expect(splitSections('')).toEqual([]);
  });
});
