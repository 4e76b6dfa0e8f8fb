/** What each blank asks for, read from its context: the label before it, its field's name, the unit after it. Examples written by hand. */
import { describe, expect, it } from 'vitest';
import { kindOfLabel, kindOfName } from '../../../utils/report/blanks/labels';
import { fillGroups, groupByKind } from '../../../utils/report/checklist';
import { findPlaceholders, isNamedField } from '../../../utils/report/placeholders';
import { KIND_EXAMPLES } from '../../../utils/settings/placeholder-kinds';

const spans = (text: string) => findPlaceholders(text).map((p) => [p.text, p.kind, p.name]);

describe('a label says what its blank asks for', () => {
  it.each([
    ['签订日期', 'date'],
    ['联系电话', 'phone'],
    ['传真', 'phone'],
    ['Phone number', 'phone'],
    ['填发时间', 'time'],
    ['案号', 'number'],
    ['帐号', 'number'],
    ['电报挂号', 'number'],
    ['注册号', 'number'],
    ['Agreement No.', 'number'],
    ['租金', 'amount'],
    ['加急费', 'amount'],
    ['总金额', 'amount'],
    ['Base salary', 'amount'],
    ['签订地点（省）', 'place'],
    ['负责人姓名', 'name'],
    ['出租方', 'name'],
    ['开户银行', 'name'],
    ['人数', 'count'],
    ['Number of shares', 'count'],
    // Not a phone, a number or a sum: the names of things and what they are for.
    ['字号', 'field'],
    ['经费来源', 'field'],
    ['单位地址', 'field'],
    ['项目名称', 'field'],
  ])('%s → %s', (label, kind) => {
    expect(kindOfLabel(label)).toBe(kind);
  });
});

describe('a named field is of the kind its name says', () => {
  it.each([
    ['联系电话', 'phone'],
    ['单位名称', 'name'],
    ['合同编号', 'number'],
    ['单位', 'named'],
    ['effective_date', 'date'],
    ['TIMESTAMP', 'time'],
    ['buy.dollars', 'amount'],
    ['buy.productLead.name', 'name'],
    ['party_1', 'name'],
    ['owner2', 'name'],
    ['party_1_notice_email_check', 'tickbox'],
    ['tab2_txtContractNum', 'number'],
    // The name of a thing is a field, not a person's name.
    ['agreement_name', 'named'],
    ['buy.name', 'named'],
    ['Full legal name of the Delaware corporation', 'name'],
    ['Date the consent is effective', 'date'],
    ['Base salary or hourly amount', 'amount'],
    ['Per-share repurchase price set by the RSPA', 'amount'],
    ['Certificate number(s) representing the shares', 'number'],
    ['Number of unvested shares subject to repurchase', 'count'],
    ['Primary work location and/or remote status', 'place'],
    ['Project', 'named'],
  ])('%s → %s', (name, kind) => {
    expect(kindOfName(name)).toBe(kind);
  });

  it('stays a named field whatever its kind: filled by its name, everywhere', () => {
    const text = '致{{单位名称}}：\n……\n{{单位名称}}\n{{日期}}';
    const list = findPlaceholders(text);
    expect(list.map((p) => [p.kind, isNamedField(p)])).toEqual([
      ['name', true],
      ['free', false],
      ['name', true],
      ['date', true],
    ]);
    expect(fillGroups(text, list).get(list[0])).toEqual([list[0], list[2]]);
  });
});

describe('the words around marks and lines type them', () => {
  it('reads a sum, a number in a sequence, the year and the court’s code of a case number and a court named by its place', () => {
    expect(spans('所需经费xx万元')).toEqual([['xx', 'amount', undefined]]);
    expect(spans('押金＿＿＿＿元。')).toEqual([['＿＿＿＿', 'amount', undefined]]);
    expect(spans('违反本合同第＿＿条')).toEqual([['＿＿', 'number', undefined]]);
    expect(spans('（××××）×行初字第××号').map(([text, kind]) => [text, kind])).toEqual([
      ['××××', 'year'],
      ['×', 'field'],
      ['××', 'number'],
    ]);
    expect(spans('作出（××××）×××字第××号处罚决定').map(([text, kind]) => [text, kind])).toEqual([
      ['××××', 'year'],
      ['×××', 'field'],
      ['××', 'number'],
    ]);
    expect(spans('上诉于××××人民法院。')).toEqual([['××××', 'place', undefined]]);
  });

  it('gives a blank of no kind of its own the label before it', () => {
    expect(spans('联系电话：……')).toEqual([['……', 'phone', undefined]]);
    // A mark after a label of no kind of its own stays a blank of its own.
    expect(spans('案由：××')).toEqual([['××', 'free', undefined]]);
    expect(spans('│决定时间＿＿＿＿＿│')).toEqual([['＿＿＿＿＿', 'time', '决定时间']]);
    expect(spans('九、违约责任＿＿＿＿。')).toEqual([['＿＿＿＿', 'field', '违约责任']]);
    expect(spans('，播出次数＿＿＿＿，')).toEqual([['＿＿＿＿', 'count', '播出次数']]);
    // After a comma, words that name no kind may be a clause: `按照____要求`, `我国的首都是____`.
    expect(spans('，付款方式为＿＿＿＿。')).toEqual([['＿＿＿＿', 'free', undefined]]);
    expect(spans('按照____要求，')).toEqual([['____', 'free', undefined]]);
    expect(spans('我国的首都是____。')).toEqual([['____', 'free', undefined]]);
  });

  it('leaves prose to write unnamed, so that two of them never fill together', () => {
    expect(spans('主要做法：……')).toEqual([['……', 'free', undefined]]);
    expect(spans('Status: TBD')).toEqual([['TBD', 'free', undefined]]);
    // A line after words that end in a preposition, or after another blank, is in a sentence.
    expect(spans('居住于＿＿＿＿')).toEqual([['＿＿＿＿', 'free', undefined]]);
    expect(spans('＿＿月＿＿日期间发布＿＿＿＿广告').at(-1)).toEqual(['＿＿＿＿', 'free', undefined]);
  });

  it('reads a label spread over its cell by its characters', () => {
    expect(spans('│电　　话：　　　　　　│')).toEqual([['　　　　　　', 'phone', '电话']]);
    expect(spans('帐　　号：      ')).toEqual([['      ', 'number', '帐号']]);
  });

  it('leaves the spaces after a label that asks for no date to that label, and the date after them its own', () => {
    expect(spans('邮政编码：          年  月  日')).toEqual([
      ['          ', 'number', '邮政编码'],
      ['年  月  日', 'date', undefined],
    ]);
    expect(spans('签订日期：    年  月  日')).toEqual([['    年  月  日', 'date', '签订日期']]);
  });

  it('reads the signature lines of English forms: a caption before or under the line', () => {
    expect(spans('Signature ______________')).toEqual([['______________', 'sign', 'Signature']]);
    expect(spans('Print name ____________')).toEqual([['____________', 'name', 'Print name']]);
    expect(spans('______________\nSignature')).toEqual([['______________', 'sign', 'Signature']]);
    expect(spans('______________\nDate')).toEqual([['______________', 'date', 'Date']]);
    // A rule of underscores over other words, or a sentence before a line, says nothing of what goes there.
    expect(spans('______________\nSome text here')).toEqual([]);
    expect(spans('Please send it to ______ today')).toEqual([['______', 'free', undefined]]);
  });

  it('groups the new kinds in the checklist in their own order', () => {
    const list = findPlaceholders('联系电话：      \n罚款xx元\n第xx号\n填发时间：      \n××××年');
    expect(groupByKind(list).map((g) => g.kind)).toEqual(['year', 'time', 'amount', 'number', 'phone']);
  });
});

describe('the examples the settings show for each kind', () => {
  it.each(Object.entries(KIND_EXAMPLES))('%s: each example is found as a blank of that kind', (kind, examples) => {
    for (const example of examples.split(', ')) {
      expect(findPlaceholders(example).map((p) => p.kind), example).toContain(kind);
    }
  });
});

describe('kinds and names where a reader would expect them', () => {
  it('fills a template’s boxes of one name together, and never two parties’ numbers', () => {
    const boxes = '{{a_check}} 同意 {{a_check}} 同意';
    const ticks = findPlaceholders(boxes);
    expect(fillGroups(boxes, ticks).get(ticks[0])).toEqual(ticks);
    const parties = '甲方：某某公司\n联系电话：××××××××\n乙方：某某公司\n联系电话：××××××××\n电话：待定\n电话：待定';
    const list = findPlaceholders(parties);
    expect(list.filter((p) => p.kind === 'phone').length).toBe(4);
    expect(list.filter((p) => fillGroups(parties, list).has(p) && p.kind === 'phone')).toEqual([]);
  });

  it('reads English labels as it reads English field names', () => {
    expect(spans('Tel: ____')).toEqual([['____', 'phone', 'Tel']]);
    expect(spans('Company: ____')).toEqual([['____', 'name', 'Company']]);
    expect(spans('Deadline: ____')).toEqual([['____', 'date', 'Deadline']]);
    expect(spans('Telephone No: ____')).toEqual([['____', 'phone', 'Telephone No']]);
    expect(kindOfName('phone_number')).toBe('phone');
    expect(kindOfName('date_of_birth')).toBe('date');
    expect(kindOfName('party_a')).toBe('name');
    expect(kindOfName('Signature')).toBe('sign');
    expect(kindOfLabel('Spent to date')).toBe('field');
  });

  it('reads Chinese labels by their last word, and two things or a question as a field', () => {
    expect(kindOfLabel('传真号码')).toBe('phone');
    expect(kindOfLabel('原告')).toBe('name');
    expect(kindOfLabel('金额（大写）')).toBe('amount');
    expect(kindOfLabel('年份')).toBe('year');
    expect(kindOfLabel('联系人及电话')).toBe('field');
    expect(kindOfLabel('开户行及账号')).toBe('field');
    expect(kindOfLabel('是否免费')).toBe('field');
    expect(kindOfLabel('缴费')).toBe('field');
  });

  it('reads spread labels after the field before them, and a person’s title spread with spaces', () => {
    expect(spans('姓　名：____  性　别：____')).toEqual([
      ['____', 'name', '姓名'],
      ['____', 'field', '性别'],
    ]);
    expect(spans('电 话：____')).toEqual([['____', 'phone', '电话']]);
    expect(spans('审　判　长　×××')).toEqual([['×××', 'name', undefined]]);
  });

  it('gives a one-character word before a colon no label of its own', () => {
    expect(spans('问：____')).toEqual([['____', 'free', undefined]]);
    expect(spans('是：____')).toEqual([['____', 'free', undefined]]);
  });

  it('takes four marks in brackets for a year only before a case or document number', () => {
    expect(spans('验证码（××××）').map(([, kind]) => kind)).toEqual(['free']);
    expect(spans('尾号为（××××）的银行卡').map(([, kind]) => kind)).toEqual(['free']);
    expect(spans('（××××）最高法行决×号').map(([, kind]) => kind)).toEqual(['year', 'number']);
  });

  it('keeps the blanks after a format’s clause, and reads a rule with a word under it as a rule', () => {
    expect(spans('文件格式为：PDF，负责人为：XXX')).toEqual([['XXX', 'name', undefined]]);
    expect(spans('__月__日')).toEqual([['__月__日', 'date', undefined]]);
    expect(spans('___\nPrice')).toEqual([]);
    expect(spans('___\nTime')).toEqual([]);
  });
});
