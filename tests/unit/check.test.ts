import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_MESSAGES, CHECK_RULES, checkDocument, type CheckRuleId, type Finding } from '@/utils/report/check';
import { readSample } from './samples';

/** What one rule flags in a text: the flagged text, and the fix when there is one. */
function flagged(text: string, rule: CheckRuleId): { text: string; fix?: string }[] {
  return checkDocument(text)
    .filter((f) => f.rule === rule)
    .map((f) => (f.fix === undefined ? { text: text.slice(f.start, f.end) } : { text: text.slice(f.start, f.end), fix: f.fix }));
}

/** Applies every fix of one rule, as Fix all does. */
function fixAll(text: string, rule: CheckRuleId): string {
  const fixes = checkDocument(text).filter((f) => f.rule === rule && f.fix !== undefined);
  let out = text;
  for (const f of [...fixes].reverse()) out = out.slice(0, f.start) + f.fix + out.slice(f.end);
  return out;
}

// A short notice written for these tests: each case changes one thing of it.
const NOTICE = [
  '关于做好2023年度安全生产检查工作的通知',
  '',
  '各区人民政府，市政府各部门：',
  '为做好2023年度安全生产检查工作，现将有关事项通知如下。',
  '一、检查范围',
  '全市各类生产经营单位。',
  '二、工作要求',
  '（一）加强组织领导。',
  '各单位要高度重视，于2023年6月30日前完成自查。',
  '（二）及时报送情况。',
  '请于2023年7月5日前报送检查情况。',
  '',
  '市安全生产委员会办公室',
  '2023年6月1日',
].join('\n');

describe('checkDocument: the contract', () => {
  it('returns findings in document order with their rule, severity, message and fix', () => {
    const text = '今年完成投资15～30%，比去年多。\n另有9～16亿元。';
    const found = checkDocument(text);
    expect(found.map((f) => [text.slice(f.start, f.end), f.rule, f.severity, f.fix])).toEqual([
      ['15～30%', 'range-unit', 'warning', '15%～30%'],
      ['9～16亿元', 'range-unit', 'warning', '9亿元～16亿元'],
    ]);
    expect(found[0].message).toBe('Keep the unit on both ends of a range: 15～30% → 15%～30%');
    expect(found[0].messageKey).toBe('checkRangeUnit');
    expect(found[0].params).toEqual(['15～30%', '15%～30%']);
  });

  it('finds nothing in a clean notice, nor in a real issued one', () => {
    expect(checkDocument(NOTICE)).toEqual([]);
    expect(checkDocument(readSample('zh-notice-2019-tax-credit.txt'))).toEqual([]);
  });

  it('lets a rule be switched off', () => {
    const text = '完成投资15～30%。';
    expect(checkDocument(text, { disabled: ['range-unit'] })).toEqual([]);
  });

  it('describes every rule with its group and clause, and has every message in English as locales/en.yml has it', () => {
    const ids = CHECK_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of CHECK_RULES) expect(rule.clause.length, rule.id).toBeGreaterThan(5);
    const en = readFileSync('locales/en.yml', 'utf8');
    for (const [key, text] of Object.entries(CHECK_MESSAGES)) expect(en, key).toContain(`${key}: ${JSON.stringify(text)}`);
    for (const rule of CHECK_RULES) expect(en, rule.titleKey).toContain(`${rule.titleKey}: ${JSON.stringify(rule.title)}`);
  });
});

describe('GB/T 9704-2012 format', () => {
  it('document numbers: 〔〕 around the full year, no 第, no leading zero', () => {
    expect(flagged('根据国办发[2023]12号文件精神。', 'doc-number')).toEqual([{ text: '[2023]12号', fix: '〔2023〕12号' }]);
    expect(flagged('根据国办发(2023)12号文件精神。', 'doc-number')).toEqual([{ text: '(2023)12号', fix: '〔2023〕12号' }]);
    expect(flagged('根据国办发【2023】12号文件精神。', 'doc-number')).toEqual([{ text: '【2023】12号', fix: '〔2023〕12号' }]);
    expect(flagged('根据国办发〔2023〕第12号文件精神。', 'doc-number')).toEqual([{ text: '〔2023〕第12号', fix: '〔2023〕12号' }]);
    expect(flagged('根据国办发〔2023〕012号文件精神。', 'doc-number')).toEqual([{ text: '〔2023〕012号', fix: '〔2023〕12号' }]);
    expect(flagged('根据国办发〔23〕12号文件精神。', 'doc-number')).toEqual([{ text: '〔23〕12号' }]);
  });

  it('document numbers written right, court case numbers and titles are left alone', () => {
    expect(flagged('根据国办发〔2023〕12号文件精神。', 'doc-number')).toEqual([]);
    expect(flagged('见（2023）京0101民初123号判决。', 'doc-number')).toEqual([]);
    expect(flagged('学习《国办发[2023]12号文件汇编》。', 'doc-number')).toEqual([]);
  });

  it('dates: 年月日 in Arabic numerals, no padding', () => {
    expect(flagged('会议于2023-6-1召开。', 'issue-date')).toEqual([{ text: '2023-6-1', fix: '2023年6月1日' }]);
    expect(flagged('会议于2023.06.01召开。', 'issue-date')).toEqual([{ text: '2023.06.01', fix: '2023年6月1日' }]);
    expect(flagged('会议于2023年06月01日召开。', 'issue-date')).toEqual([{ text: '2023年06月01日', fix: '2023年6月1日' }]);
    expect(flagged('会议于2023年6月1日召开。', 'issue-date')).toEqual([]);
    // A version number or a decimal is no date.
    expect(flagged('升级到2.3.1版，增长12.5%。', 'issue-date')).toEqual([]);
  });

  it('dates in Chinese numerals: flagged in an official document, left alone elsewhere', () => {
    const notice = NOTICE.replace('2023年6月1日', '二〇二三年六月一日');
    expect(flagged(notice, 'issue-date')).toEqual([{ text: '二〇二三年六月一日', fix: '2023年6月1日' }]);
    expect(flagged('散文一篇\n那是二〇二三年六月一日的早晨，我们出发了。', 'issue-date')).toEqual([]);
  });

  it('the addressee line ends in a full-width colon', () => {
    expect(fixAll(NOTICE.replace('市政府各部门：', '市政府各部门:'), 'addressee')).toBe(NOTICE);
    expect(flagged(NOTICE.replace('市政府各部门：', '市政府各部门:'), 'addressee')).toEqual([{ text: ':', fix: '：' }]);
    expect(flagged(NOTICE.replace('市政府各部门：', '市政府各部门'), 'addressee')).toEqual([{ text: '门', fix: '门：' }]);
    expect(flagged(NOTICE, 'addressee')).toEqual([]);
  });

  it('the attachment note: 附件：, numbers 1. 2., no punctuation after the names, names as the attachments are titled', () => {
    const body = NOTICE.replace('\n\n市安全生产委员会办公室', '\n\n附件：1.检查表\n2.汇总表\n\n市安全生产委员会办公室');
    expect(checkDocument(body).filter((f) => f.rule === 'attachment-note')).toEqual([]);
    expect(flagged(body.replace('附件：', '附件:'), 'attachment-note')).toEqual([{ text: ':', fix: '：' }]);
    expect(flagged(body.replace('2.汇总表', '2.汇总表。'), 'attachment-note')).toEqual([{ text: '。', fix: '' }]);
    expect(flagged(body.replace('1.检查表', '1、检查表'), 'attachment-note')).toEqual([{ text: '1、', fix: '1.' }]);
    const withAttachments = `${body}\n\n附件1\n安全生产检查表\n\n附件2\n汇总表`;
    expect(flagged(withAttachments, 'attachment-note')).toEqual([{ text: '检查表' }]);
    expect(flagged(withAttachments.replace('安全生产检查表', '检查表'), 'attachment-note')).toEqual([]);
  });

  it('heading numbering from the outline: 一、 › （一） › 1. › （1）', () => {
    expect(flagged(NOTICE.replace('（一）加强', '（一）、加强'), 'heading-numbering')).toEqual([{ text: '、', fix: '' }]);
    expect(flagged(NOTICE.replace('（一）加强', '(一)加强'), 'heading-numbering')).toEqual([{ text: '(一)', fix: '（一）' }]);
    expect(flagged(NOTICE.replace('各单位要高度重视', '1、各单位要高度重视'), 'heading-numbering')).toEqual([{ text: '1、', fix: '1.' }]);
    expect(flagged(NOTICE.replace('二、工作要求', '三、工作要求'), 'heading-numbering')).toEqual([{ text: '三、' }]);
    expect(flagged(NOTICE.replace('（二）及时', '（一）及时'), 'heading-numbering')).toEqual([{ text: '（一）' }]);
    // 1. directly under 一、 skips （一）.
    expect(flagged(NOTICE.replace('全市各类生产经营单位。', '1.全市各类生产经营单位'), 'heading-numbering')).toEqual([{ text: '1.' }]);
    // 一是……二是 and 一、二季度 are body text.
    expect(flagged(`${NOTICE}\n一、二季度完成自查，三季度完成整改，确保各项工作落到实处。`, 'heading-numbering')).toEqual([]);
  });

  it('headings marked up as Markdown count in their numbering, and parts and chapters start it again', () => {
    const marked = ['# 关于开展安全检查的通知', '', '## 一、检查范围', '', '（一）生产经营单位。', '', '（二）公共场所。', '', '## 二、工作要求', '', '（一）高度重视。', '', '（二）及时报送。'].join('\n');
    expect(flagged(marked, 'heading-numbering')).toEqual([]);
    // A real gap under a Markdown heading is still one.
    expect(flagged(marked.replace('## 二、工作要求', '## 三、工作要求'), 'heading-numbering')).toEqual([{ text: '三、' }]);
    const parts = ['第一部分 总体要求', '', '一、指导思想', '', '二、基本原则', '', '第二部分 主要任务', '', '一、加强组织领导', '', '二、强化督促检查'].join('\n');
    expect(flagged(parts, 'heading-numbering')).toEqual([]);
    expect(flagged(parts.replace('二、强化督促检查', '三、强化督促检查'), 'heading-numbering')).toEqual([{ text: '三、' }]);
  });
});

describe('GB/T 15834-2011 punctuation', () => {
  it('half-width punctuation between Chinese characters', () => {
    expect(flagged('我们认真学习,深入领会;全面落实。', 'halfwidth-punctuation')).toEqual([
      { text: ',', fix: '，' },
      { text: ';', fix: '；' },
    ]);
    expect(flagged('你知道吗?我们做到了!', 'halfwidth-punctuation')).toEqual([
      { text: '?', fix: '？' },
      { text: '!', fix: '！' },
    ]);
    expect(flagged('时间:2023年6月1日。', 'halfwidth-punctuation')).toEqual([{ text: ':', fix: '：' }]);
    expect(flagged('成立领导小组(由局长任组长)。', 'halfwidth-punctuation')).toEqual([
      { text: '(', fix: '（' },
      { text: ')', fix: '）' },
    ]);
    expect(flagged('提出"三个一"要求。', 'halfwidth-punctuation')).toEqual([
      { text: '"', fix: '“' },
      { text: '"', fix: '”' },
    ]);
  });

  it('half-width punctuation in numbers, English, URLs, titles and foreign quotations is left alone', () => {
    expect(flagged('投资1,000万元，时间10:30，网址https://example.gov.cn/a,b。', 'halfwidth-punctuation')).toEqual([]);
    expect(flagged('阅读《Hello,World》一书。', 'halfwidth-punctuation')).toEqual([]);
    expect(flagged('他说“Yes, we can!”并离开。', 'halfwidth-punctuation')).toEqual([]);
    expect(flagged('国内生产总值(GDP)增长5%。', 'halfwidth-punctuation')).toEqual([]);
  });

  it('unbalanced pairs', () => {
    expect(flagged('他说：“我们要努力。', 'unbalanced-pair')).toEqual([{ text: '“' }]);
    expect(flagged('学习《决定精神。', 'unbalanced-pair')).toEqual([{ text: '《' }]);
    expect(flagged('成立小组（组长由局长担任。', 'unbalanced-pair')).toEqual([{ text: '（' }]);
    expect(flagged('成立小组组长由局长担任）。', 'unbalanced-pair')).toEqual([{ text: '）' }]);
    expect(flagged('提出【重点】任务和“‘三个’要求”。', 'unbalanced-pair')).toEqual([]);
    // A quotation of several paragraphs closes only at the end of the last.
    expect(flagged('他指出：“第一段话。\n“第二段话。”', 'unbalanced-pair')).toEqual([]);
    // Its paragraphs may have an empty line between them, as a pasted Markdown file or Word export has.
    expect(flagged('一、将第十七条修改为：“第一段话。\n\n“第二段话。”', 'unbalanced-pair')).toEqual([]);
    expect(flagged('他指出：“第一段话。\n\n下一段不是引文。', 'unbalanced-pair')).toEqual([{ text: '“' }]);
  });

  it('ellipsis written as …… only', () => {
    expect(flagged('包括学习、宣传...等工作。', 'ellipsis')).toEqual([{ text: '...', fix: '……' }]);
    expect(flagged('包括学习、宣传。。。等工作。', 'ellipsis')).toEqual([{ text: '。。。', fix: '……' }]);
    expect(flagged('包括学习、宣传…等工作。', 'ellipsis')).toEqual([{ text: '…', fix: '……' }]);
    expect(flagged('包括学习、宣传……等工作。', 'ellipsis')).toEqual([]);
    expect(flagged('Wait... what?', 'ellipsis')).toEqual([]);
  });

  it('no 顿号 between titles or quotations that follow each other', () => {
    expect(fixAll('学习《条例》、《规定》和“三会”、“一课”。', 'dunhao-between-titles')).toBe('学习《条例》《规定》和“三会”“一课”。');
    expect(flagged('学习《条例》（2019年版）、《规定》。', 'dunhao-between-titles')).toEqual([]);
  });

  it('doubled punctuation', () => {
    expect(flagged('我们完成了任务。。下一步，，继续。', 'doubled-punctuation')).toEqual([
      { text: '。。', fix: '。' },
      { text: '，，', fix: '，' },
    ]);
    expect(flagged('完成任务，。继续', 'doubled-punctuation')).toEqual([{ text: '，。' }]);
    expect(flagged('真的吗？！太好了！！', 'doubled-punctuation')).toEqual([]);
  });

  it('corner brackets mixed with curly quotes', () => {
    expect(flagged('提出“三个一”和「两个二」要求。', 'mixed-quotes')).toEqual([
      { text: '「', fix: '“' },
      { text: '」', fix: '”' },
    ]);
    expect(flagged('提出「两个二」要求。', 'mixed-quotes')).toEqual([]);
  });
});

describe('GB/T 15835-2011 numbers', () => {
  it('ranges keep a multiplier or percent on both ends', () => {
    expect(flagged('增长15～30%。', 'range-unit')).toEqual([{ text: '15～30%', fix: '15%～30%' }]);
    expect(flagged('投资9～16亿。', 'range-unit')).toEqual([{ text: '9～16亿', fix: '9亿～16亿' }]);
    expect(flagged('补助13～17万元。', 'range-unit')).toEqual([{ text: '13～17万元', fix: '13万元～17万元' }]);
    // A unit that causes no ambiguity may be dropped on the first number.
    expect(flagged('气温-5～10℃，重量100～150kg，金额500～800元，时间1～3月。', 'range-unit')).toEqual([]);
    expect(flagged('增长15%～30%，投资9亿～16亿。', 'range-unit')).toEqual([]);
  });

  it('years written in full', () => {
    expect(flagged('他于90年5月参加工作。', 'abbreviated-year')).toEqual([{ text: '90年' }]);
    expect(flagged('工程于九〇年竣工，九八年扩建。', 'abbreviated-year')).toEqual([{ text: '九〇年' }, { text: '九八年' }]);
    expect(flagged('他工作了30年，用三五年时间，经过七八年努力，在二〇二三年完成。', 'abbreviated-year')).toEqual([]);
  });

  it('fixed expressions in Chinese numerals are left alone by every rule', () => {
    expect(checkDocument('落实“十四五”规划，第三季度完成。一是加强领导，二是压实责任。')).toEqual([]);
  });

  it('full-width digits', () => {
    expect(flagged('完成２０２３年任务的１．５倍。', 'fullwidth-digits')).toEqual([
      { text: '２０２３', fix: '2023' },
      { text: '１．５', fix: '1.5' },
    ]);
  });

  it('digit grouping: a full-width comma inside a number; commas in a document that writes large numbers without', () => {
    expect(flagged('完成投资12，500万元。', 'thousands-separator')).toEqual([{ text: '12，500' }]);
    expect(flagged('完成投资12,500万元，利润30000万元。', 'thousands-separator')).toEqual([{ text: '12,500', fix: '12500' }]);
    expect(flagged('完成投资12,500万元，利润30,000万元。', 'thousands-separator')).toEqual([]);
    expect(flagged('分别为1，2，3项。', 'thousands-separator')).toEqual([]);
  });
});

describe('leftovers of sample material', () => {
  it('masked words, advertising lines, paywall markers, removed names, as the import cleanup finds them', () => {
    expect(flagged('机关D组召开会议，通过AAA公众号发布。', 'masked-word')).toEqual([
      { text: 'D', fix: '党' },
      { text: 'AAA公众号', fix: '微信公众号' },
    ]);
    expect(flagged('完成GDP目标，建设3D打印中心。', 'masked-word')).toEqual([]);
    expect(flagged('正文。\n【哒哒素材库】每天更新材料，一键极速下载\n正文。', 'advertising')).toEqual([{ text: '【哒哒素材库】每天更新材料，一键极速下载', fix: '' }]);
    expect(flagged('整改整##paidbegin##治', 'paywall-marker')).toEqual([{ text: '##paidbegin##', fix: '' }]);
    expect(flagged('强化对D、对的忠诚教育。', 'removed-name')).toEqual([{ text: '对D、对的' }]);
  });

  it('template guidance notes and placeholders', () => {
    expect(flagged('主要成绩（根据实际情况填写）：完成任务。', 'template-guidance')).toEqual([{ text: '（根据实际情况填写）', fix: '' }]);
    expect(flagged('主要成绩（以下简称“成绩”）：完成任务。', 'template-guidance')).toEqual([]);
    expect(flagged('全年召开会议xx次，参加人数××人。', 'placeholder')).toEqual([{ text: 'xx' }, { text: '××' }]);
    expect(flagged('全年召开会议12次。', 'placeholder')).toEqual([]);
  });
});

describe('consistency', () => {
  it('the year of the title against the years of the body', () => {
    const copied = '2023年工作总结\n2022年，我局完成各项任务。2022年上半年完成投资。2022年下半年完成验收。';
    expect(flagged(copied, 'title-year')).toEqual([{ text: '2023年' }]);
    const fine = '2023年工作总结\n2022年以来，我局完成各项任务。2023年上半年完成投资。较2022年增长5%。';
    expect(flagged(fine, 'title-year')).toEqual([]);
    const comparisons = '2023年工作总结\n今年完成投资，较2022年增长5%，比2022年多，与2022年相比提高。';
    expect(flagged(comparisons, 'title-year')).toEqual([]);
  });

  it('one body named with and without 和', () => {
    const text = '市发展和改革委员会牵头，市发展和改革委员会负责。\n市发展改革委员会配合。';
    expect(flagged(text, 'unit-name')).toEqual([{ text: '市发展改革委员会', fix: '市发展和改革委员会' }]);
    // 领导小组和办公室 are two bodies.
    expect(flagged('领导小组和办公室召开会议。领导小组办公室负责。', 'unit-name')).toEqual([]);
  });

  it('repeated characters that cannot double, reduplications left alone', () => {
    expect(flagged('这是我们的的任务。', 'repeated-character')).toEqual([{ text: '的的', fix: '的' }]);
    expect(flagged('谢谢大家，常常来往，人人参与，的的确确，实实在在，达到目的的手段。', 'repeated-character')).toEqual([]);
  });
});

describe('document kinds', () => {
  const REQUEST = ['关于购置办公设备的请示', '', '市财政局：', '因工作需要，我局拟购置办公设备一批，所需经费20万元。', '妥否，请批示。', '', '市统计局', '2023年6月1日'].join('\n');

  it('a 请示 ends with its request and asks one thing', () => {
    expect(checkDocument(REQUEST)).toEqual([]);
    expect(flagged(REQUEST.replace('妥否，请批示。', '特此报送。'), 'request-ending')).toEqual([{ text: '关于购置办公设备的请示' }]);
    const many = REQUEST.replace('所需经费20万元。', '所需经费20万元，请予批准。\n同时拟增加编制两名，请予批准。\n另拟新建机房一间，请予审批。');
    expect(flagged(many, 'request-one-thing')).toEqual([{ text: '关于购置办公设备的请示' }]);
  });

  it('a 报告 asks for no approval', () => {
    const report = ['关于2023年上半年工作情况的报告', '', '市政府：', '上半年，我局完成各项任务。', '以上报告，请予批准。', '', '市统计局', '2023年7月1日'].join('\n');
    expect(flagged(report, 'report-request')).toEqual([{ text: '请予批准' }]);
    expect(flagged(report.replace('以上报告，请予批准。', '特此报告。'), 'report-request')).toEqual([]);
  });

  it('a 通知 has an addressee', () => {
    expect(flagged(NOTICE.replace('各区人民政府，市政府各部门：\n', ''), 'notice-addressee')).toEqual([{ text: '关于做好2023年度安全生产检查工作的通知' }]);
    expect(flagged(NOTICE, 'notice-addressee')).toEqual([]);
  });
});

describe('English', () => {
  it('double spaces, unbalanced brackets, TBD, mixed date formats', () => {
    expect(flagged('Revenue grew  by 5%.', 'double-space')).toEqual([{ text: '  ', fix: ' ' }]);
    expect(flagged('Revenue grew (see table 2.', 'unbalanced-bracket')).toEqual([{ text: '(' }]);
    expect(flagged('a) first point\nRevenue grew (see table 2).', 'unbalanced-bracket')).toEqual([]);
    expect(flagged('Owner: TBD. Budget: TODO', 'tbd')).toEqual([{ text: 'TBD' }, { text: 'TODO' }]);
    expect(flagged('Launched on 2023-06-01, reviewed on 2023-07-01 and closed on June 30, 2023.', 'date-format')).toEqual([{ text: 'June 30, 2023' }]);
    expect(flagged('Launched on 2023-06-01 and closed on 2023-07-01.', 'date-format')).toEqual([]);
  });

  it('leaves code and URLs alone', () => {
    expect(flagged('Run `a  b` at https://example.com/a  and go.', 'double-space')).toEqual([{ text: '  ' }].map((x) => ({ ...x, fix: ' ' })));
  });
});

describe('real documents', () => {
  it('the downloaded duty report: its leftovers are found, with no false alarm among the rest', () => {
    const text = readSample('zh-duty-report-2023.txt');
    const found: Finding[] = checkDocument(text);
    const byRule = new Map<string, number>();
    for (const f of found) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    expect(byRule.get('paywall-marker')).toBe(2);
    expect(byRule.get('removed-name')).toBe(2);
    expect(byRule.get('advertising')).toBe(4);
    // Every D standing for 党 found as cleanup finds it.
    expect(found.filter((f) => f.rule === 'masked-word').map((f) => f.fix)).not.toContain(undefined);
  });
});
