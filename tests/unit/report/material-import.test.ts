import { describe, expect, it } from 'vitest';
import { DEFAULT_CLEANUP_RULES } from '../../../utils/report/cleanup';
import { checkMaterialFile, checkMaterialText, decodeMaterial, looksLikeDocx, MAX_FILE_BYTES, MAX_TEXT_CHARS } from '../../../utils/report/material-file';
import { importMaterial, materialTitle, renderSections, templateFromMaterial } from '../../../utils/report/templates';
import { readSample } from '../samples';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('checkMaterialFile', () => {
  it('accepts .txt, .md and .docx by name, whatever the case', () => {
    expect(checkMaterialFile('报告.TXT', 10)).toEqual({ ok: true, format: 'text' });
    expect(checkMaterialFile('notes.md', 10)).toEqual({ ok: true, format: 'text' });
    expect(checkMaterialFile('述职报告.docx', 10)).toEqual({ ok: true, format: 'docx' });
  });

  it('refuses other files, old Word files, empty files and files over the limit', () => {
    expect(checkMaterialFile('photo.png', 10)).toEqual({ ok: false, problem: { kind: 'unsupported', name: 'photo.png' } });
    expect(checkMaterialFile('noextension', 10)).toMatchObject({ ok: false, problem: { kind: 'unsupported' } });
    expect(checkMaterialFile('旧文件.doc', 10)).toEqual({ ok: false, problem: { kind: 'old-word' } });
    expect(checkMaterialFile('empty.txt', 0)).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(checkMaterialFile('big.txt', 20 * 1024 * 1024)).toEqual({ ok: false, problem: { kind: 'too-large', bytes: 20 * 1024 * 1024 } });
    expect(checkMaterialFile('limit.docx', MAX_FILE_BYTES).ok).toBe(true);
  });
});

describe('decodeMaterial', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeMaterial(utf8('一、主要工作'))).toEqual({ ok: true, text: '一、主要工作' });
    expect(decodeMaterial(bytes(0xef, 0xbb, 0xbf, ...utf8('总结')))).toEqual({ ok: true, text: '总结' });
  });

  it('reads UTF-16 with a byte-order mark', () => {
    expect(decodeMaterial(bytes(0xff, 0xfe, 0x3b, 0x60, 0xd3, 0x7e))).toEqual({ ok: true, text: '总结' });
    expect(decodeMaterial(bytes(0xfe, 0xff, 0x60, 0x3b, 0x7e, 0xd3))).toEqual({ ok: true, text: '总结' });
  });

  it('falls back to GB18030 for text that is not UTF-8', () => {
    // 工作总结 in GBK.
    expect(decodeMaterial(bytes(0xb9, 0xa4, 0xd7, 0xf7, 0xd7, 0xdc, 0xbd, 0xe1))).toEqual({ ok: true, text: '工作总结' });
  });

  it('refuses binary files, zip archives and old Word files', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d);
    expect(decodeMaterial(png)).toEqual({ ok: false, problem: { kind: 'binary' } });
    expect(decodeMaterial(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toEqual({ ok: false, problem: { kind: 'binary' } });
    expect(decodeMaterial(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1))).toEqual({ ok: false, problem: { kind: 'old-word' } });
    // Control bytes without a NUL: valid UTF-8, but not text.
    const noise = new Uint8Array(4000).map((_, i) => (i * 7) % 32 || 1);
    expect(decodeMaterial(noise)).toEqual({ ok: false, problem: { kind: 'binary' } });
  });

  it('refuses a file of blanks as empty', () => {
    expect(decodeMaterial(utf8(' \n\u3000\n'))).toEqual({ ok: false, problem: { kind: 'empty' } });
  });
});

describe('looksLikeDocx', () => {
  it('wants a zip archive', () => {
    expect(looksLikeDocx(bytes(0x50, 0x4b, 0x03, 0x04)).ok).toBe(true);
    expect(looksLikeDocx(utf8('一、主要工作'))).toEqual({ ok: false, problem: { kind: 'bad-docx' } });
    expect(looksLikeDocx(bytes(0xd0, 0xcf, 0x11, 0xe0))).toEqual({ ok: false, problem: { kind: 'old-word' } });
  });
});

describe('checkMaterialText', () => {
  it('refuses text over the limit and control-character noise', () => {
    expect(checkMaterialText('字'.repeat(MAX_TEXT_CHARS + 1))).toEqual({ ok: false, problem: { kind: 'too-long', chars: MAX_TEXT_CHARS + 1 } });
    expect(checkMaterialText('\u0001\u0002ab\u0003'.repeat(50)).ok).toBe(false);
    expect(checkMaterialText('正文\t制表\r\n换行').ok).toBe(true);
  });
});

describe('importMaterial on the duty report sample', () => {
  const raw = readSample('zh-duty-report-2023.txt');
  const result = importMaterial(raw);
  if (!result.ok) throw new Error('the sample did not import');
  const text = result.cleanup.text;

  it('drops the advertising and paywall markers and restores masked words', () => {
    expect(text).not.toMatch(/哒哒|素材库|会员群|svip|客服|##paid/i);
    expect(text).toContain('以问题整改整治建立健全制度机制');
    expect(text).not.toMatch(/D组/);
    expect(text).toContain('市人大常委会机关党组');
    expect(text).toContain('xx人大微信公众号');
  });

  it('lists every change with its line and rule', () => {
    const paywall = result.changes.find((c) => c.ruleId === 'paywall-markers' && c.before === '##paidbegin##');
    expect(paywall?.line).toBe(raw.slice(0, raw.indexOf('##paidbegin##')).split('\n').length);
    const party = result.changes.filter((c) => c.ruleId === 'masked-party');
    expect(party.length).toBeGreaterThan(100);
    expect(party[0]).toMatchObject({ line: 2, before: 'D', after: '党' });
    expect(result.changes.every((c, i) => i === 0 || c.line >= result.changes[i - 1].line)).toBe(true);
  });

  it('splits into its title, five numbered sections and the closing part, headings without numbers', () => {
    expect(result.sections.map((s) => [s.level, s.numbered ?? true, s.heading])).toEqual([
      [0, true, '2023年市人大常委会机关党组落实全面从严治党主体责任情况报告'],
      [1, true, '提高政治站位，强化政治担当'],
      [1, true, '坚持凝心铸魂，主题教育见行见效'],
      [1, true, '压实党建责任，夯实组织基础'],
      [1, true, '强化正风肃纪，建设清廉机关'],
      [1, true, '发挥领导作用，落实职责任务'],
      [1, false, ''],
    ]);
    expect(result.sections[0].body).toMatch(/^xxxx年，市人大常委会机关党组.*现将有关情况报告如下：$/s);
    expect(result.sections[2].body).toMatch(/^组织领导抓统筹、推落实。.*持续推动主题教育取得更大成果成效。$/s);
    expect(result.sections[6].body).toMatch(/^在总结成绩的同时/);
  });

  it('renders a section renumbered where it lands', () => {
    const before = '一、主要工作\n正文。\n二、存在问题\n一是学习不够深入。';
    const { text: inserted } = renderSections([result.sections[2]], { before });
    expect(inserted).toBe(`三、坚持凝心铸魂，主题教育见行见效\n${result.sections[2].body}`);
  });

  it('keeps a masked word when the user turns its rule off', () => {
    const rules = DEFAULT_CLEANUP_RULES.map((r) => (r.id === 'masked-party' ? { ...r, enabled: false } : r));
    const again = importMaterial(raw, rules);
    expect(again.ok && again.cleanup.text).toContain('市人大常委会机关D组');
    expect(again.ok && again.changes.some((c) => c.ruleId === 'masked-party')).toBe(false);
  });

  it('makes a template named after the document title', () => {
    const title = materialTitle(text, 'zh-duty-report-2023.txt');
    expect(title).toBe('2023年市人大常委会机关党组落实全面从严治党主体责任情况报告');
    const template = templateFromMaterial(text, { id: 'id-1', title: ` ${title} `, now: 5 });
    expect(template).toMatchObject({ id: 'id-1', title, kind: 'imported', language: 'zh', createdAt: 5, updatedAt: 5 });
    expect(template.sections).toEqual(result.sections);
  });
});

describe('importMaterial on bad input', () => {
  it('refuses empty text, and text that cleanup leaves empty', () => {
    expect(importMaterial('   ')).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(importMaterial('【哒哒素材库】每天更新材料\n##paidend##')).toEqual({ ok: false, problem: { kind: 'empty' } });
  });

  it('takes a title from the file name when the text has none', () => {
    expect(materialTitle('一、工作\n正文', '我的范文.txt')).toBe('我的范文');
    expect(materialTitle('plain words', '')).toBe('plain words');
  });
});
