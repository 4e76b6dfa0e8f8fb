import { describe, expect, it } from 'vitest';
import { fieldsToAsk, hasFields, includedBodies, parseFields, renderFields, snippetLookup, usesClipboard } from '@/utils/snippets/fields';

const now = new Date(2023, 5, 1, 9, 5); // Thursday
const zh = { now, language: 'zh' as const };

describe('parsing fields', () => {
  it('reads fill-in fields with kinds, defaults and choices', () => {
    const source = '致{{单位名称=市财政局}}：请于{{开会日期:date}}前报送{{份数:number}}份，密级{{密级:choice=公开|内部 | 秘密}}。{{说明:paragraph}}';
    const { tokens, errors } = parseFields(source);
    expect(errors).toEqual([]);
    const fields = tokens.filter((t) => t.type === 'field');
    expect(fields.map((f) => [f.name, f.kind, f.default, f.choices])).toEqual([
      ['单位名称', 'text', '市财政局', []],
      ['开会日期', 'date', '', []],
      ['份数', 'number', '', []],
      ['密级', 'choice', '公开', ['公开', '内部', '秘密']],
      ['说明', 'paragraph', '', []],
    ]);
    // Each field knows where it is written.
    const first = fields[0];
    expect(source.slice(first.start, first.end)).toBe('{{单位名称=市财政局}}');
  });

  it('reads stops, dates, times, the clipboard and other snippets', () => {
    const { tokens, errors } = parseFields('{{cursor}}{{tab}}{{date+1w:cn}}{{time:H:mm}}{{clipboard}}{{snippet: 落款}}{{Date}}');
    expect(errors).toEqual([]);
    expect(tokens.map((t) => t.type)).toEqual(['stop', 'stop', 'date', 'time', 'clipboard', 'snippet', 'date']);
    expect(tokens[2]).toMatchObject({ offsets: [{ amount: 1, unit: 'w' }], format: 'cn' });
    expect(tokens[3]).toMatchObject({ offsets: [], format: 'H:mm' });
    expect(tokens[5]).toMatchObject({ name: '落款' });
  });

  it('reports each mistake with its place and leaves the text as written', () => {
    const source = 'a{{名称:colour}}b{{}}c{{日期:choice=}}d{{date+1q}}e{{date:dd.MM}}f{{snippet:}}g{{没有关上\nh';
    const { tokens, errors } = parseFields(source);
    expect(errors.map((e) => [e.code, source.slice(e.start, e.end), e.detail])).toEqual([
      ['unknown-kind', '{{名称:colour}}', 'colour'],
      ['empty-name', '{{}}', undefined],
      ['no-choices', '{{日期:choice=}}', undefined],
      ['bad-offset', '{{date+1q}}', '+1q'],
      ['bad-format', '{{date:dd.MM}}', 'dd.MM'],
      ['no-snippet-name', '{{snippet:}}', undefined],
      ['unclosed', '{{没有关上', undefined],
    ]);
    expect(tokens).toEqual([{ type: 'text', text: source }]);
  });

  it('writes `{{{{` as a literal `{{`', () => {
    expect(parseFields('a{{{{b}}').tokens).toEqual([{ type: 'text', text: 'a{{b}}' }]);
    expect(hasFields('a{{{{b}}')).toBe(false);
    expect(hasFields('a{{b}}')).toBe(true);
    expect(hasFields('plain text')).toBe(false);
  });
});

describe('the form', () => {
  it('asks a field named twice once, with its first kind and default', () => {
    const { fields, problem } = fieldsToAsk('{{单位=财政局}}负责，{{日期:date}}前{{单位}}报送，{{date}}');
    expect(problem).toBeNull();
    expect(fields).toEqual([
      { name: '单位', kind: 'text', default: '财政局', choices: [] },
      { name: '日期', kind: 'date', default: '', choices: [] },
    ]);
  });

  it('asks the fields of included snippets too', () => {
    const lookup = (name: string) => ({ 落款: '{{单位}}\n{{date}}' })[name];
    expect(fieldsToAsk('正文{{snippet:落款}}{{联系人}}', lookup).fields.map((f) => f.name)).toEqual(['单位', '联系人']);
  });
});

describe('rendering', () => {
  it('writes values, defaults, dates and the clipboard, and says where the caret stops go', () => {
    const result = renderFields('{{单位=财政局}}：请于{{date+1wd:cn}}前报送{{cursor}}。联系人：{{tab}}；剪贴板：{{clipboard}}{{tab}}', {
      ...zh,
      clipboard: '甲',
    });
    expect(result).toEqual({ text: '财政局：请于2023年6月2日前报送。联系人：；剪贴板：甲', stops: [18, 23, 29] });
  });

  it('puts the cursor stop first wherever it is written', () => {
    const result = renderFields('A{{tab}}B{{cursor}}C{{tab}}', zh);
    expect(result).toEqual({ text: 'ABC', stops: [2, 1, 3] });
  });

  it('writes the form’s values, a date value in the snippet’s language', () => {
    const values = { 单位: '市统计局', 日期: '2023-06-15' };
    expect(renderFields('{{单位}}于{{日期:date}}，{{单位}}', { ...zh, values })).toEqual({ text: '市统计局于2023年6月15日，市统计局', stops: [] });
    expect(renderFields('Due {{Due:date}}', { now, language: 'en', values: { Due: '2023-06-15' } })).toEqual({ text: 'Due June 15, 2023', stops: [] });
  });

  it('includes other snippets, with their fields and stops', () => {
    const lookup = (name: string) => ({ 落款: '{{单位}}{{cursor}}', sign: 'Regards' })[name];
    expect(renderFields('正文。{{snippet:落款}}', { ...zh, lookup, values: { 单位: '办公室' } })).toEqual({ text: '正文。办公室', stops: [6] });
  });

  it('refuses a cycle, naming the snippets in it', () => {
    const sources: Record<string, string> = { A: 'a{{snippet:B}}', B: 'b{{snippet:C}}', C: 'c{{snippet:A}}' };
    const lookup = (name: string) => sources[name];
    expect(renderFields(sources.A, { ...zh, lookup, name: 'A' })).toEqual({ problem: { code: 'cycle', chain: ['A', 'B', 'C', 'A'] } });
    expect(renderFields('{{snippet:self}}', { ...zh, lookup: () => '{{snippet:self}}', name: 'self' })).toEqual({
      problem: { code: 'cycle', chain: ['self', 'self'] },
    });
    expect(fieldsToAsk(sources.A, lookup, 'A').problem).toEqual({ code: 'cycle', chain: ['A', 'B', 'C', 'A'] });
  });

  it('refuses a snippet that does not exist', () => {
    expect(renderFields('{{snippet:无此}}', { ...zh, lookup: () => undefined })).toEqual({ problem: { code: 'unknown-snippet', name: '无此' } });
  });

  it('leaves a mistaken field as written, so the checklist still sees it', () => {
    expect(renderFields('{{名称:colour}}', zh)).toEqual({ text: '{{名称:colour}}', stops: [] });
  });

  it('keeps a field with nothing to write for the checklist, when no form was asked', () => {
    expect(renderFields('{{单位}}于{{日期:date}}报送，密级{{密级:choice=内部|公开}}，{{份数=2}}份', { ...zh, keepUnfilled: true })).toEqual({
      text: '{{单位}}于{{日期}}报送，密级内部，2份',
      stops: [],
    });
  });

  it('knows when the clipboard is needed', () => {
    expect(usesClipboard('a{{clipboard}}')).toBe(true);
    expect(usesClipboard('a{{snippet:x}}', () => '{{clipboard}}')).toBe(true);
    expect(usesClipboard('a{{date}}')).toBe(false);
  });
});

describe('including another snippet by name', () => {
  const library = [
    { title: '落款', abbreviation: 'lk', body: '{{单位名称}}\n{{date:YYYY年M月D日}}' },
    { title: 'lk', body: '标题为 lk 的另一条' },
    { title: '通知开头', abbreviation: 'tz', body: '各{{对象=处室}}：{{snippet:lk}}' },
    { title: '落款', body: '同名的第二条' },
    { title: '无关', abbreviation: 'wg', body: '不被包含' },
  ];

  it('finds a title before an abbreviation, and the first of each', () => {
    const lookup = snippetLookup(library);
    expect(lookup('lk')).toBe('标题为 lk 的另一条');
    expect(lookup('落款')).toBe('{{单位名称}}\n{{date:YYYY年M月D日}}');
    expect(lookup('tz')).toBe('各{{对象=处室}}：{{snippet:lk}}');
    expect(lookup('没有')).toBeUndefined();
  });

  it('lists the bodies a snippet includes, all the way down, and only those', () => {
    const lookup = snippetLookup(library);
    expect(includedBodies('抄送：{{snippet:通知开头}}{{snippet:落款}}', lookup)).toEqual({
      通知开头: '各{{对象=处室}}：{{snippet:lk}}',
      lk: '标题为 lk 的另一条',
      落款: '{{单位名称}}\n{{date:YYYY年M月D日}}',
    });
    expect(includedBodies('没有包含', lookup)).toEqual({});
  });

  it('stops at a cycle, with what it found before it', () => {
    const lookup = snippetLookup([
      { title: '甲', body: '{{snippet:乙}}' },
      { title: '乙', body: '{{snippet:甲}}' },
    ]);
    expect(includedBodies('{{snippet:乙}}', lookup, '甲')).toEqual({ 乙: '{{snippet:甲}}' });
  });
});
