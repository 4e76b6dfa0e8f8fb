import { describe, expect, it } from 'vitest';
import { fillGroups, updatePlaceholders } from '../../../utils/report/checklist';
import { diffText } from '../../../utils/report/text-delta';
import { findPlaceholders, findPlaceholdersByLine, setExamplesAside, suggestValues } from '../../../utils/report/placeholders';
import { withoutKinds } from '../../../utils/settings/placeholder-kinds';

/** `[text, kind]` of every blank, the shape most cases compare. */
const found = (text: string) => findPlaceholders(text).map((p) => [p.text, p.kind]);
/** `[start, end, kind, name]` of every blank: spans written by hand. */
const spans = (text: string) => findPlaceholders(text).map((p) => [p.start, p.end, p.kind, p.name]);

describe('marks that stand for text', () => {
  it('takes a note in 【】 with punctuation inside for text to write', () => {
    expect(spans('【具体做法和成效，含数据支撑】')).toEqual([[0, 15, 'instruction', undefined]]);
    expect(spans('二、主要成效\n【具体做法和成效，含数据支撑】')).toEqual([[7, 22, 'instruction', undefined]]);
  });

  it('names a merge field of a Word template', () => {
    expect(spans('合同编号：«tab2_txtContractNum»')).toEqual([[5, 26, 'number', 'tab2_txtContractNum']]);
  });

  it('names a field in single braces, not braces of a formula', () => {
    expect(spans('between {party_1_name} and {party_2_name}')).toEqual([
      [8, 22, 'name', 'party_1_name'],
      [27, 41, 'name', 'party_2_name'],
    ]);
    expect(spans('{$d.title}')).toEqual([[0, 10, 'named', 'd.title']]);
    expect(found('\\frac{ab}{cd}')).toEqual([]);
  });

  it('names a prompt in square brackets, of any length and words', () => {
    expect(spans('To the Board of [Full legal name of the Delaware corporation], a')).toEqual([
      [16, 61, 'name', 'Full legal name of the Delaware corporation'],
    ]);
    expect(spans('1. [工作项1]')).toEqual([[3, 9, 'named', '工作项1']]);
    expect(spans('- **优先级**: [高/中/低]')).toEqual([[11, 18, 'named', '高/中/低']]);
    expect(spans('- **任务ID**: [TASK-ID]')).toEqual([[12, 21, 'named', 'TASK-ID']]);
    expect(spans('[TIMESTAMP]')).toEqual([[0, 11, 'time', 'TIMESTAMP']]);
  });

  it('does not take wiki links, commands in capitals or notes of several sentences for prompts', () => {
    expect(found('- [[ADM流程]]')).toEqual([]);
    expect(found('*使用 [CODE NOW] 命令立即开始编码*')).toEqual([]);
    expect(found('[FOCUS] - 当任务范围扩大时及时聚焦')).toEqual([]);
  });

  it('finds masks of stars, as one date when they stand for one', () => {
    expect(spans('20**年**月**日')).toEqual([[0, 11, 'date', undefined]]);
    expect(spans('共**人参加')).toEqual([[1, 3, 'count', undefined]]);
    expect(spans('姓名：***')).toEqual([[3, 6, 'name', undefined]]);
  });

  it('leaves markdown bold and rules alone', () => {
    expect(found('**日期**: 2023年5月1日')).toEqual([]);
    expect(found('- **会议主题**: 年度总结')).toEqual([]);
    expect(found('- **负责人**: 王某')).toEqual([]);
    expect(spans('签订日期：**年**月**日')).toEqual([[5, 14, 'date', '签订日期']]);
    expect(found('***')).toEqual([]);
  });

  it('joins a mark and the note in brackets after it into one blank, typed by the note', () => {
    expect(spans('再审申请人×××诉×××（机关名称）一案')).toEqual([
      [5, 8, 'name', undefined],
      [9, 18, 'name', '机关名称'],
    ]);
    // Dots stand for text to write; the note says what, and names the blank.
    expect(spans('请求……（简要列明请求和理由）。')).toEqual([[2, 15, 'free', '简要列明请求和理由']]);
  });

  it('takes a labelled blank inside brackets with its brackets', () => {
    expect(spans('被执行人×××（证件种类、号码：……）持有')).toEqual([
      [4, 7, 'name', undefined],
      [7, 19, 'field', '证件种类、号码'],
    ]);
  });

  it('takes the prompt of an empty Word field for text to write, a date one for a date', () => {
    expect(spans('项目名称：单击或点击此处输入文字。')).toEqual([[5, 17, 'instruction', undefined]]);
    expect(found('Start: Click or tap to enter a date.')).toEqual([['Click or tap to enter a date.', 'date']]);
  });

  it('takes a numbered stand-in alone in its item, heading or cell, not a numbered part', () => {
    expect(spans('1. 议题1\n### 议题2')).toEqual([
      [3, 6, 'named', '议题1'],
      [11, 14, 'named', '议题2'],
    ]);
    expect(spans('| 决策1 | 负责人1 |')).toEqual([
      [2, 5, 'named', '决策1'],
      [8, 12, 'name', '负责人1'],
    ]);
    expect(spans('- [ ] 行动项1 - 负责人: {{owner1}}')).toEqual([
      [2, 5, 'tickbox', undefined],
      [6, 10, 'named', '行动项1'],
      [18, 28, 'name', 'owner1'],
    ]);
    expect(found('附件1')).toEqual([]);
    expect(found('详见表2')).toEqual([]);
  });
});

describe('space that stands for text', () => {
  it('takes a date left with spaces for one date, named by its label', () => {
    expect(spans('签订日期：       年    月    日')).toEqual([[5, 23, 'date', '签订日期']]);
    expect(spans('____年___月___日')).toEqual([[0, 13, 'date', undefined]]);
    expect(spans('年　月　日')).toEqual([[0, 5, 'date', undefined]]);
    expect(spans('　　年　月　日')).toEqual([[2, 7, 'date', undefined]]);
    expect(spans('申请人：\n        年    月    日')).toEqual([[13, 24, 'date', undefined]]);
    expect(spans('日期：　年　月　日')).toEqual([[3, 9, 'date', '日期']]);
    // After a label that is not the date's, the spaces are that label's and the date starts at 年.
    expect(spans('签字：      年   月   日')).toEqual([
      [3, 9, 'sign', '签字'],
      [9, 18, 'date', undefined],
    ]);
    expect(spans('签订时间：　　年　　月　　日')).toEqual([[5, 14, 'date', '签订时间']]);
    expect(spans('有效期至：      年  月  日')).toEqual([[5, 18, 'date', '有效期至']]);
    expect(spans('___年  月  日')).toEqual([[0, 10, 'date', undefined]]);
    // After the wall of a table drawn with box characters, the spaces pad the date.
    expect(spans('│　　　　年　　月　　日　│')).toEqual([[5, 12, 'date', undefined]]);
    expect(spans('于＿年＿月＿日＿时')).toEqual([
      [1, 7, 'date', undefined],
      [7, 8, 'free', undefined],
    ]);
  });

  it('takes the parts of a document number left blank', () => {
    expect(spans('×公预字第　号')).toEqual([
      [0, 1, 'free', undefined],
      [5, 6, 'number', '文号'],
    ]);
    expect(found('汉字  第一节')).toEqual([]);
    expect(spans('营业执照　　字第　　号')).toEqual([
      [4, 6, 'number', '文号'],
      [8, 10, 'number', '文号'],
    ]);
  });

  it('takes the room left after a cell’s name, in a form line or a table drawn with box characters', () => {
    expect(spans('编  号      \n注册号')).toEqual([[4, 10, 'number', '编号']]);
    expect(spans('公司名称          ')).toEqual([[4, 14, 'name', '公司名称']]);
    expect(spans('│　主　营　　　　　　│')).toEqual([[5, 11, 'field', '主营']]);
    expect(spans('│经营方式：　　　　　　│')).toEqual([[6, 12, 'field', '经营方式']]);
    expect(spans('同意预先核准企业名称为：      \n')).toEqual([[12, 18, 'free', undefined]]);
    // Markdown pads its cells to line them up; a heading padded to the line's end is no cell.
    expect(found('| 日期     | 版本 |')).toEqual([]);
    expect(found('第一章 总则      \n正文')).toEqual([]);
    expect(found('│营业执照副本　　　　本　　　　　　│').map(([text]) => text)).not.toContain('　　　　　　');
    expect(found('现将有关事项通知如下：      \n')).toEqual([]);
    // Text padded with spaces is written text: a title, a closing, a filled cell, a speaker.
    for (const line of ['工作总结      ', '此致      ', '│ 张三     │', '│ 项目名称     │ 金额     │', '姓名\t张三\t民族\t汉族    ', '会议强调：      ']) expect(found(line)).toEqual([]);
  });

  it('takes the spaces after a label at the end of a form line for that label’s field', () => {
    expect(spans('联系人：      ')).toEqual([[4, 10, 'name', '联系人']]);
    expect(spans('联系人：      电话：      ')).toEqual([
      [4, 10, 'name', '联系人'],
      [13, 19, 'phone', '电话'],
    ]);
    expect(found('- **优点**: ')).toEqual([]);
    expect(spans('Signature: \nDate: ')).toEqual([
      [10, 11, 'sign', 'Signature'],
      [17, 18, 'date', 'Date'],
    ]);
  });

  it('types a label’s blank by what the label asks for', () => {
    expect(found('甲方：______\n申请人：______\n单位名称：______\n项目名称：______\n份数：______\n人员：______')).toEqual([
      ['______', 'name'],
      ['______', 'name'],
      ['______', 'name'],
      ['______', 'field'],
      ['______', 'count'],
      ['______', 'field'],
    ]);
  });

  it('takes underscores after a label for its field, typed by the label', () => {
    expect(spans('姓名：____')).toEqual([[3, 7, 'name', '姓名']]);
    expect(spans('By: ______')).toEqual([[4, 10, 'sign', 'By']]);
    expect(spans('单位___年')).toEqual([[2, 5, 'year', undefined]]);
    expect(found('新增____个人参加')).toEqual([['____', 'count']]);
    // A word that starts with a unit does not type the line before it; the label before it does.
    expect(found('犯罪嫌疑人＿年龄＿＿')).toEqual([
      ['＿', 'name'],
      ['＿＿', 'free'],
    ]);
  });

  it('takes spaces inside a sentence for a gap, typed by what follows', () => {
    expect(spans('兹有      同志前来办理')).toEqual([[2, 8, 'name', undefined]]);
    expect(spans('本人      ，身份证号码为')).toEqual([[2, 8, 'name', undefined]]);
    expect(spans('完成了      ，效果良好。')).toEqual([[3, 9, 'free', undefined]]);
    expect(spans('本次共      人参加。')).toEqual([[3, 9, 'count', undefined]]);
  });

  it('leaves indentation, padding before a value, columns and sentences that end in a colon alone', () => {
    expect(found('　　各有关单位：')).toEqual([]);
    expect(found('联系人：  张三')).toEqual([]);
    expect(found('姓名    性别    年龄')).toEqual([]);
    expect(found('现将有关事项通知如下：  ')).toEqual([]);
    expect(found('Revenue grew.  Costs fell.')).toEqual([]);
    expect(found('张　三')).toEqual([]);
  });
});

describe('places left for a person to act on', () => {
  it('finds places to sign or seal', () => {
    expect(spans('（盖章）')).toEqual([[0, 4, 'sign', undefined]]);
    expect(spans('××××年××月××日\n（院印）')).toEqual([
      [0, 11, 'date', undefined],
      [12, 16, 'sign', undefined],
    ]);
    expect(spans('负责人签字：      ')).toEqual([[6, 12, 'sign', '负责人签字']]);
    // The note is part of the label when the place to seal follows it.
    expect(spans('甲方（盖章）：          ')).toEqual([[7, 17, 'sign', '甲方（盖章）']]);
    expect(spans('＿＿公安局（印）')).toEqual([
      [0, 2, 'place', undefined],
      [5, 8, 'sign', undefined],
    ]);
    expect(spans('年月日（局章）')).toEqual([[3, 7, 'sign', undefined]]);
    expect(found('（第一章）')).toEqual([]);
    expect(found('（＾＿＾）')).toEqual([]);
  });

  it('finds boxes to tick, not boxes ticked', () => {
    expect(spans('□同意 □不同意')).toEqual([
      [0, 1, 'tickbox', undefined],
      [4, 5, 'tickbox', undefined],
    ]);
    expect(spans('- [ ] 行动项')).toEqual([[2, 5, 'tickbox', undefined]]);
    expect(spans('[    ] Email')).toEqual([[0, 6, 'tickbox', undefined]]);
    expect(found('- [x] done')).toEqual([]);
    expect(found('[✓] 登录接口')).toEqual([]);
    expect(found('■同意')).toEqual([]);
  });

  it('takes a court form’s drafting note for one instruction, its model text inside', () => {
    const note = '（法院依职权采取财产保全的，把“×告×××……”一段删去，改为写明需要采取财产保全的事实根据。）';
    expect(found(`并已提供担保。${note}\n本院认为`)).toEqual([[note, 'instruction']]);
    expect(found('并已提供担保（未提供担保的不写此句）。')).toEqual([['（未提供担保的不写此句）', 'instruction']]);
    expect(found('〔法院依职权采取的，改为：“本院为了……（写明需要采取财产保全的理由）”〕')).toEqual([['〔法院依职权采取的，改为：“本院为了……（写明需要采取财产保全的理由）”〕', 'instruction']]);
    // A long aside that tells nobody to write anything is no note; a document number in 〔〕 neither.
    expect(found('（本规定所称的国家机关，包括国家权力机关、国家行政机关、审判机关、检察机关以及其他依法行使国家职权的机关和单位）')).toEqual([]);
    expect(found('国办发〔2018〕128号')).toEqual([]);
    // What a text says should be written, or how a word was once written, tells the reader nothing to do.
    expect(found('（合同中应当写明双方的权利义务和违约责任，以及争议的解决方式和其他需要约定的事项）')).toEqual([]);
    expect(found('（“其它”是不规范的写法）')).toEqual([]);
    expect(found('（2018年修正时删去第三款，将第四款改为第三款，并对有关条文的序号和文字作相应调整）')).toEqual([]);
  });

  it('takes a note in brackets that says what to write for an instruction', () => {
    expect(spans('（请填写单位全称）')).toEqual([[0, 9, 'instruction', undefined]]);
    expect(spans('（根据不同的公司类型、冻结需求，载明具体的协助执行事项。）')).toEqual([[0, 29, 'instruction', undefined]]);
    expect(found('办公厅（室）')).toEqual([]);
    expect(found('（一）总体要求')).toEqual([]);
  });
});

describe('context typing of x年', () => {
  it.each([
    ['xx年的工作', 'year'],
    ['回顾xx年的工作', 'year'],
    ['xx年以来', 'year'],
    ['自xx年起', 'year'],
    ['xx年度', 'year'],
    ['于xx年召开', 'year'],
    ['工作了xx年', 'count'],
    ['xx年来', 'count'],
    ['连续xx年', 'count'],
    ['光荣在党xx年', 'count'],
    ['xx多年', 'count'],
  ])('%s → %s', (text, kind) => {
    expect(findPlaceholders(text).map((p) => [p.text, p.kind])).toEqual([['xx', kind]]);
  });
});

describe('never blanks', () => {
  it.each([
    '根据<国内水路运输管理规定>的要求',
    '按照<关于进一步加强安全生产工作的通知>执行',
    '《国内水路运输管理规定》',
    '国办发〔2018〕128号',
    '〔2023〕12号',
    '————————',
    '---',
    '他说：“我们还要努力……”',
    '“……坚持以人民为中心”',
    'box, max, x86, Xbox',
    '应纳税额＝销售额×比例税率',
    '格式：YYYY-MM-DD HH:MM:SS PST',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('keeps a short field name in angle brackets', () => {
    expect(found('致<单位名称>：')).toEqual([['<单位名称>', 'name']]);
  });
});

describe('fill all by meaning', () => {
  const groupTexts = (text: string) => {
    const list = findPlaceholders(text);
    const groups = fillGroups(text, list);
    return list.map((p) => groups.get(p)?.map((q) => q.start) ?? null);
  };

  it('fills the same label together', () => {
    // 联系人 at 4 and 22; 电话 at 14 alone.
    expect(groupTexts('联系人：____\n电话：____\n联系人：______')).toEqual([[4, 21], null, [4, 21]]);
  });

  it('fills a date left blank together however many spaces were left', () => {
    expect(groupTexts('日期：    年  月  日\n日期：   年   月   日')).toEqual([[3, 18], [3, 18]]);
    expect(groupTexts('    年  月  日\n   年   月   日')).toEqual([[4, 15], [4, 15]]);
  });

  it('never fills different counts together', () => {
    expect(groupTexts('完成xx项，开展xx项')).toEqual([null, null]);
    expect(groupTexts('共____人，其中____人')).toEqual([null, null]);
  });

  it('fills the same named field together, whatever its brackets', () => {
    expect(groupTexts('«单位名称» {{单位名称}} 【单位名称】')).toEqual([[0, 7, 16], [0, 7, 16], [0, 7, 16]]);
  });
});

describe('the blanks of model contracts and court forms', () => {
  it('takes a note in brackets after dots for what the dots stand for, at any length', () => {
    expect(spans('自诉人……（写明姓名、性别、住址等）。')).toEqual([[3, 18, 'free', '写明姓名、性别、住址等']]);
    expect(spans('经审理查明，……（详写认定的事实。如有异议，应当分析论证）。')).toEqual([
      [6, 29, 'free', '详写认定的事实。如有异议，应当分析论证'],
    ]);
  });

  it('takes a line to write on and the note after it for one blank', () => {
    expect(spans('甲方：＿＿＿＿（签字盖章）')).toEqual([[3, 13, 'sign', '签字盖章']]);
    expect(spans('规格为＿＿＿＿＿＿（写明具体尺寸）。')).toEqual([[3, 17, 'instruction', '写明具体尺寸']]);
  });

  it('types the spaces before money, a share or a place on any line', () => {
    expect(spans('总金额      元')).toEqual([[3, 9, 'amount', undefined]]);
    expect(spans('按销售额     ％提成')).toEqual([[4, 9, 'percent', undefined]]);
    expect(spans('签订地点：    省    市(县)')).toEqual([
      [5, 9, 'place', undefined],
      [10, 14, 'place', undefined],
    ]);
    // A word that only starts with the unit is no unit.
    expect(found('地点    市场')).toEqual([]);
  });

  it('finds a gap after a comma inside a sentence, and a labelled gap an item of a list', () => {
    expect(spans('违反本合同约定，    方应当承担违约责任。')).toEqual([[8, 12, 'free', undefined]]);
    expect(spans('申请人：    、代理人：    、')).toEqual([
      [4, 8, 'name', '申请人'],
      [13, 17, 'name', '代理人'],
    ]);
    expect(found('一、    二、')).toEqual([]);
  });

  it('finds the places to seal a contract leaves, however they are written', () => {
    expect(spans('出租方（章）：      承租方（章）')).toEqual([[7, 13, 'sign', '出租方（章）']]);
    expect(spans('│（章）　　│')).toEqual([[1, 4, 'sign', undefined]]);
    expect(spans('经办人         （盖章）')).toEqual([
      [3, 12, 'name', '经办人'],
      [12, 16, 'sign', undefined],
    ]);
    expect(spans('单位盖章      单位盖章')).toEqual([
      [0, 4, 'sign', '单位盖章'],
      [10, 14, 'sign', '单位盖章'],
    ]);
    expect(found('请加盖单位盖章后报送。')).toEqual([]);
  });

  it('reads a note that says what to write, and a pointer to a guide on a line of its own', () => {
    const note = '（未开庭的，写“本院依法组成合议庭，审理了本案。”）';
    expect(found(`审理了本案${note}。`)).toEqual([[note, 'instruction']]);
    expect(found('十、违约责任：\n（参照《合同签订指南》第六条）\n')).toEqual([['（参照《合同签订指南》第六条）', 'instruction']]);
    expect(found('按规定执行（参照第六条）。')).toEqual([]);
  });

  it('reads a note that changes the text when a case went otherwise, and seals by stamp', () => {
    const note = '〔未开庭的改为“本院依法组成合议庭审理了本案”〕';
    expect(found(`本案现已审理终结${note}。`)).toEqual([[note, 'instruction']]);
    expect(spans('许可人：（章戳）')).toEqual([[4, 8, 'sign', undefined]]);
    expect(spans('许可人    （章）    被许可人    （章）')).toEqual([
      [3, 7, 'name', '许可人'],
      [7, 10, 'sign', undefined],
      [18, 22, 'name', '被许可人'],
      [22, 25, 'sign', undefined],
    ]);
  });

  it('counts the days a form leaves, and leaves its notes on the form and its labels to sign under alone', () => {
    expect(spans('│在    日内将悔过书交我│')).toEqual([[2, 6, 'count', undefined]]);
    expect(found('于xx日内报送')).toEqual([['xx', 'count']]);
    expect(found('年   月   日\n（以上登记事项中仅填写核准变更登记的有关栏目）\n企业名称')).toEqual([['年   月   日', 'date']]);
    expect(found('（表内填写不下可加附页）')).toEqual([]);
    expect(found('\n法定代表人签字\n')).toEqual([]);
  });

  it('reads a note in brackets as the value of the label it follows, and a note that writes out the parties', () => {
    expect(spans('第三条　租金\n　　租金收取：（双方应约定租金计算方式及其支付方式）\n')).toEqual([[14, 33, 'instruction', '租金收取']]);
    expect(spans('附：（略）')).toEqual([[2, 5, 'instruction', '附']]);
    expect(found('具体如下：（一）\n备注：（无）\n按合同执行：（一）')).toEqual([]);
    expect(found('情况如下：（注明出处）还有正文')).toEqual([['（注明出处）', 'instruction']]);
    expect(found('（以上写明当事人和其他诉讼参与人的姓名或者名称等基本信息）')).toEqual([['（以上写明当事人和其他诉讼参与人的姓名或者名称等基本信息）', 'instruction']]);
    expect(found('原审被告人（原审经过上诉的括注“原审上诉人”。下同）')).toEqual([['（原审经过上诉的括注“原审上诉人”。下同）', 'instruction']]);
  });

  it('finds an organ’s seal, the copies a form asks for, a gap a bracket closes or names, and a month left in a cell', () => {
    expect(spans('│　＿＿＿＿公安局印　│')).toEqual([
      [2, 6, 'place', undefined],
      [9, 10, 'sign', '公安局印'],
    ]);
    expect(found('国家税务总局印发的通知')).toEqual([]);
    expect(spans('│营业执照副本　　　　本　　│')).toEqual([[7, 11, 'count', undefined]]);
    // `本` counts only after spaces: `×××本人` is someone, not a number of copies.
    expect(found('×××本人签字').map(([, kind]) => kind)).not.toContain('count');
    expect(spans('（专利法定有效期限：    ）')).toEqual([[10, 14, 'field', '专利法定有效期限']]);
    expect(spans('在合同生效之日起，在     (地点)以书面方式提交。')).toEqual([[10, 15, 'free', undefined]]);
    expect(spans('│现传唤居住在　　的│')).toEqual([[7, 9, 'free', undefined]]);
    expect(spans('出生日期\n\n年   月\n')).toEqual([[6, 11, 'date', undefined]]);
  });

  it('takes the gap after a sum left blank for the field named at the line’s end, and a table row of fields in capitals', () => {
    expect(spans('入门费      元          支付日期')).toEqual([
      [3, 9, 'amount', undefined],
      [10, 20, 'date', '支付日期'],
    ]);
    expect(found('姓名    性别    出生日期')).toEqual([]);
    expect(spans('| [ID] | [描述] |')).toEqual([
      [2, 6, 'named', 'ID'],
      [9, 13, 'named', '描述'],
    ]);
    expect(found('| [FOCUS] | 专注模式 |')).toEqual([]);
    expect(found('| 决策1 | 内容 | 负责人1 |')).toEqual([
      ['决策1', 'named'],
      ['内容', 'named'],
      ['负责人1', 'name'],
    ]);
    expect(found('| 序号 | 内容 | 负责人 |\n| 1 | 内容 | 张三 |')).toEqual([]);
  });

  it('types a mark as a name after a court officer, a party, or before what a person does', () => {
    expect(found('审判长　×××\n书记员　×××')).toEqual([
      ['×××', 'name'],
      ['×××', 'name'],
    ]);
    expect(found('供方：×××　　　　合同编号：')).toEqual([['×××', 'name']]);
    expect(found('×××向本院申请再审。')).toEqual([['×××', 'name']]);
    expect(found('地方×××工作，因×××原因')).toEqual([
      ['×××', 'free'],
      ['×××', 'free'],
    ]);
  });

  it('leaves values already written, spread headings and ordinary words alone beside the new rules', () => {
    for (const line of ['审核意见：（同意）', '单位：（万元）', '主持人：（鼓掌）', '资料来源：（国家统计局）', '第一条：（立法目的）', '附件：（共三页）']) {
      expect(found(line)).toEqual([]);
    }
    for (const heading of ['│　正　　本　│　副　　本　│', '│ 成　　本 │ 收　　入 │', '副　　本', '│ 目　　的 │', '一、目　　的', '│ 出 生 年 月 │', '出生年  月']) {
      expect(found(heading)).toEqual([]);
    }
    expect(found('领导小组成员：张三  （组长），李四  （副组长）。')).toEqual([]);
    expect(found('受××因素影响较大，××向好').map(([, kind]) => kind)).toEqual(['free', 'free']);
    expect(found('共有在职人员 xx 人').map(([, kind]) => kind)).not.toContain('name');
    // The year written, the blank is the rest of the date.
    expect(found('│参加工作时间│2019年　　月│')).toEqual([['　　月', 'date']]);
    expect(found('2023年  月  日')).toEqual([['  月  日', 'date']]);
    expect(spans('（ 姓名：    ）')).toEqual([[5, 9, 'name', '姓名']]);
    expect(found('| 附件1 | 说明 |')).toEqual([]);
    expect(findPlaceholders('| 决策1 | 内容 |\n| 决策2 | 内容 |').map((p) => p.name)).toEqual(['决策1', '内容（决策1）', '决策2', '内容（决策2）']);
  });

  it('reads a court form’s cases, its notes left open and its notes on how to write, and a choice in brackets', () => {
    expect(found('判决如下：\n　　……〔写明判决结果。分六种情况：\n　　第一、维持原判的，写：\n　　“驳回上诉，维持原判。”')).toEqual([
      ['……〔写明判决结果。分六种情况：', 'free'],
      ['第一、维持原判的，写：', 'instruction'],
    ]);
    expect(found('“被告赔偿原告……（写明赔偿的金额、交付时间。”〕')).toEqual([['……（写明赔偿的金额、交付时间。', 'free']]);
    expect(found('第一、我们的做法，写：')).toEqual([]);
    const note = '（未开庭的，写：“本院依法组成合议庭审理了本案。”）';
    expect(found(`审理终结。${note}`)).toEqual([[note, 'instruction']]);
    expect(found('（当事人的列项和基本情况的写法，除称谓外，与一审民事判决书样式相同。）').map(([, kind]) => kind)).toEqual(['instruction']);
    expect(spans('第    号（该申请保留原注册号/该申请另编注册号）商标')[1]).toEqual([6, 26, 'field', '该申请保留原注册号/该申请另编注册号']);
    expect(found('【格式一】\n申请人签字/（章戳）：\n')).toEqual([]);
    expect(spans('大    类：          文号：工商企字第  ').map(([start, end, kind]) => [start, end, kind])).toEqual([[7, 17, 'field']]);
  });

  it('leaves a column heading spread across its cell alone', () => {
    expect(found('│　供　　　　方　　　　│　需　　　　方　　　　│')).toEqual([]);
    expect(spans('│编  号      │')).toEqual([[5, 11, 'number', '编号']]);
  });
});

describe('a date left blank', () => {
  const now = new Date(2026, 4, 3);
  it.each([
    ['    年  月  日', '2026年5月3日'],
    ['  月  日', '5月3日'],
    ['xxxx年x月', '2026年5月'],
  ])('%s suggests %s', (text, value) => {
    expect(suggestValues(findPlaceholders(text)[0], now)).toEqual([value]);
  });
});

describe('kinds switched off', () => {
  it('leaves the kinds switched off out of the list, and nothing else', () => {
    const list = findPlaceholders('□同意 电话：____ xx项');
    expect(withoutKinds(list, ['tickbox']).map((p) => p.kind)).toEqual(['phone', 'count']);
    expect(withoutKinds(list, ['phone', 'count']).map((p) => p.kind)).toEqual(['tickbox']);
    expect(withoutKinds(list, [])).toBe(list);
  });
});

describe('the notes of court forms', () => {
  it('reads a note in tortoise-shell brackets after the dots as one blank, its own brackets included', () => {
    const text = '本院认为，……〔根据查证属实的事实，论证被告人是否犯罪，犯什么罪（一案多人的还应分清各被告人的作用）〕。依照';
    expect(found(text)).toEqual([['……〔根据查证属实的事实，论证被告人是否犯罪，犯什么罪（一案多人的还应分清各被告人的作用）〕', 'free']]);
  });

  it('takes a case line without its comma', () => {
    expect(found('　　第二、定罪免刑的表述为：\n　　“被告人')).toEqual([['第二、定罪免刑的表述为：', 'instruction']]);
    expect(found('他说的表述为：\n')).toEqual([]);
  });

  it('fills a label’s blanks together, never two notes, two signatures or two boxes', () => {
    const text = '原告……（写明姓名等基本情况）。\n被告……（写明姓名等基本情况）。\n签字：____\n签字：____\n联系电话：____\n联系电话：____';
    const list = findPlaceholders(text);
    const groups = fillGroups(text, list);
    expect(list.map((p) => groups.get(p)?.length ?? 1)).toEqual([1, 1, 1, 1, 2, 2]);
  });
});

describe('marks that show how a number is made up', () => {
  it('are no blanks in the rule that explains the format, and stay blanks elsewhere', () => {
    const rule = '许可证编号的编排方式为：X妆XXXXXXXX。其中，第一位X代表所在省的简称，第二位到第五位X代表4位数许可年份。';
    expect(found(rule)).toEqual([]);
    expect(found('日期格式为：xxxx年xx月xx日')).toEqual([]);
    expect(found('共xx人参加，xx代表发言')).toEqual([
      ['xx', 'count'],
      ['xx', 'free'],
    ]);
    expect(found('于xxxx年xx月xx日前报送')).toEqual([['xxxx年xx月xx日', 'date']]);
  });
});

describe('places to sign and the rows of a form', () => {
  it('keeps a seal asked for beside a line apart from the name written on it', () => {
    expect(spans('　　申请人：＿＿＿＿＿＿（章戳）')).toEqual([
      [6, 12, 'name', '申请人'],
      [12, 16, 'sign', undefined],
    ]);
    // Signing on the line is one act.
    expect(spans('甲方：＿＿＿＿（签字盖章）')).toEqual([[3, 13, 'sign', '签字盖章']]);
  });

  it('takes a note that asks for a signature for the place when nothing follows its colon', () => {
    expect(found('被委托人（签字、盖章）：\n\n全体股东（签字、盖章）：')).toEqual([
      ['（签字、盖章）', 'sign'],
      ['（签字、盖章）', 'sign'],
    ]);
    expect(spans('甲方（盖章）：      ')).toEqual([[7, 13, 'sign', '甲方（盖章）']]);
  });

  it('reads the rest of a line left after “理由如下：” as the reasons to write', () => {
    expect(spans(`理由如下：${' '.repeat(30)}\n\n申请人名称：`)).toEqual([[5, 35, 'field', '理由']]);
    expect(found('现将有关事项通知如下：    \n一、')).toEqual([]);
  });

  it('takes the choices said again after a field for that field’s', () => {
    expect(found('- **状态**: {{STATUS}} (提议/已批准/已拒绝/已实施)')).toEqual([['{{STATUS}}', 'named']]);
    expect(found('状态：（提议/已批准）')).toEqual([['（提议/已批准）', 'field']]);
  });

  it('finds the room after each name in a form’s row of cells copied as one line', () => {
    const row = '邮政编码\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 地址\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 联系人姓名\n\n\n\n\n姓名或名称（代表）\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 国籍或所在地国家';
    expect(spans(row)).toEqual([
      [4, 14, 'number', '邮政编码'],
      [16, 29, 'field', '地址'],
      [48, 56, 'field', '姓名或名称'],
    ]);
    expect(spans('申请号或专利号       申请人或专利权人（代表）            \n')).toEqual([
      [7, 14, 'number', '申请号或专利号'],
      [26, 38, 'name', '申请人或专利权人'],
    ]);
    // Column headings over a row of values, and words that name no field, are no form row.
    expect(found('单位名称      地址      电话\n张三公司      北京      123')).toEqual([]);
    expect(found('序号      项目      进度')).toEqual([]);
  });

  it('judges a row of names again when the line under it changes', () => {
    const headings = '单位名称      地址      电话\n';
    const before = `${headings}甲公司      北京      123`;
    const after = `${headings}`;
    const delta = diffText(before, after)!;
    expect(updatePlaceholders(findPlaceholdersByLine(before), after, delta)).toEqual(findPlaceholdersByLine(after));
    expect(findPlaceholders(after).map((p) => p.name)).toEqual(['单位名称', '地址']);
  });
});

describe('forms copied from tables and lists', () => {
  it('takes the name of a value printed where the value goes for that value', () => {
    expect(spans('│　现住址　　│　　　　　　　　（邮政编码）　　│')).toEqual([[16, 22, 'number', '邮政编码']]);
    expect(spans('日在\n　　（地点）履行。')).toEqual([[5, 9, 'place', '地点']]);
    expect(found('他的（电话）号码')).toEqual([]);
  });

  it('finds the room in a cell beside a seal, and leaves a cell of spaces and a padded heading alone', () => {
    expect(spans('│法定代表人　│（签章）　│　委托代理人　　　　　　　│（签章）　│')).toEqual([
      [8, 12, 'sign', undefined],
      [20, 27, 'name', '委托代理人'],
      [28, 32, 'sign', undefined],
    ]);
    expect(spans('│名称(或姓名)│　　　　　　　　　　（签章）　　│')).toEqual([
      [9, 19, 'field', '名称'],
      [19, 23, 'sign', undefined],
    ]);
    expect(found('│　电话　　　│　　　　　　　　　│电挂　　│　　　　　　│')).toEqual([]);
    expect(found('│　　所需公证书份数　　　│')).toEqual([]);
    expect(found('│　性　别│　　　│　年　龄│')).toEqual([]);
    // Before a unit that ends a clause the room is the figure.
    expect(found('│　从业人员　│　　　　　　　　人，其中：')).toEqual([['　　　　　　　　', 'count']]);
  });

  it('reads which one of a list is chosen, and an option with its own lines to write on', () => {
    expect(spans('采用以下第　　种方式')).toEqual([[5, 7, 'number', undefined]]);
    expect(found('本合同［经＿＿＿＿＿公证］之日起生效')).toEqual([['＿＿＿＿＿', 'free']]);
    expect(found('应在空格部位打×，以示删除')).toEqual([]);
  });

  it('tells a list’s columns from an item whose name is left to write', () => {
    const list = '　　２．地面　　　　　　　保修　　　　　　　　月；\n　　１０　　　　　　　　　保修　　　　　　　　月；';
    expect(found(list).map(([text, kind]) => [text.length, kind])).toEqual([
      [8, 'count'],
      [9, 'free'],
      [8, 'count'],
    ]);
  });

  it('leaves a template’s control tags alone and takes English prompts and notes', () => {
    expect(found('{{#if travel}} a {{else}} b {{/if}} {{#each users}}{{this}}{{/each}} {{! note}}')).toEqual([['{{this}}', 'named']]);
    expect(found('presence at [LOCATION HERE]. Use [CODE NOW] to run')).toEqual([['[LOCATION HERE]', 'named']]);
    expect(found('No. ___ (insert contract number) and ___ (the "Buyer")')).toEqual([
      ['___ (insert contract number)', 'free'],
      ['___', 'free'],
    ]);
  });
});

describe('notes in a table of a Markdown form', () => {
  it('reads a signature still to come, a note of what to paste, and the choices of a label', () => {
    expect(found('| 评审人（教师/导师） | （待教师签字） |')).toEqual([['（待教师签字）', 'sign']]);
    expect(found('```\n（可粘贴截图链接或文字描述）\n```')).toEqual([['（可粘贴截图链接或文字描述）', 'instruction']]);
    expect(found('分支机构简况\n（可附纸续填）')).toEqual([]);
  });
});

describe('a model contract’s table drawn with box characters', () => {
  it('finds the wide room after a name in its cell, the gap before the next column’s label, and copies', () => {
    expect(found('　　│合计人民币（大写）　　　　　　　　　　　　│')).toEqual([['　　　　　　　　　　　　', 'amount']]);
    expect(found('　　│二、供方对质量负责的条件和期限：　　八、验收方法及提出异议的期限：│')).toEqual([['　　', 'field']]);
    expect(found('│执一份，付本　份，供方执│')).toEqual([['　', 'count']]);
    // A heading padded to its wall, and a name at the text's very start, leave no room.
    expect(found('│ 项目名称     │ 金额     │')).toEqual([]);
    expect(found('签订日期签订日期        ')).toEqual([]);
  });

  it('reads a drafting note on its own line that says what to write in a case', () => {
    expect(found('赔偿请求人……（姓名、住址等基本情况）。\n（如是法人或其他组织的，应写明名称、地址）')[1]).toEqual(['（如是法人或其他组织的，应写明名称、地址）', 'instruction']);
    expect(found('（合同中应当写明双方的权利义务）')).toEqual([]);
  });
});

describe('a sum written out place by place', () => {
  it('types every place left blank as part of the sum', () => {
    const sum = '总金额为＿＿亿＿＿千＿＿百＿＿拾＿＿万＿＿千＿＿百＿＿拾＿＿元整';
    expect(found(sum).map(([, kind]) => kind)).toEqual(Array(9).fill('amount'));
    expect(found('约xx万人参加')).toEqual([['xx', 'count']]);
  });
});

describe('the model text of two cases in one note', () => {
  it('reads each case’s words as an instruction and finds the marks of its model text', () => {
    const note = '……（按第一审程序再审的，写：“……上诉于××××人民法院。”按第二审程序再审的，写：“本判决为终审判决。”）。';
    expect(found(note)).toEqual([
      ['……（按第一审程序再审的，写：', 'instruction'],
      // The dots in the quoted model text are the quotation's.
      ['××××', 'place'],
      ['按第二审程序再审的，写：', 'instruction'],
    ]);
    expect(found('……（准许破产申请的，写：“本裁定送达后立即生效”。驳回破产申请的，写：“上诉于××××人民法院。”）').map(([text]) => text)).toEqual([
      '……（准许破产申请的，写：',
      '驳回破产申请的，写：',
      '××××',
    ]);
  });
});

describe('cells and dates beside other fields', () => {
  it('leaves the padding between a line to write on and a date out of the date, and finds a birthplace', () => {
    expect(found('电话号码＿＿＿＿＿＿　　　　　　年　　月　　日').map(([text, kind]) => [text, kind])).toEqual([
      ['＿＿＿＿＿＿', 'phone'],
      ['年　　月　　日', 'date'],
    ]);
    expect(found('│　　　　年　　月　　日生于　　　　　│民')).toEqual([
      ['年　　月　　日', 'date'],
      ['　　　　　', 'place'],
    ]);
    expect(found('采用以下第　种方式')).toEqual([['　', 'number']]);
  });
});

describe('notes to the drafter of a court form', () => {
  it('takes the heading of one case’s operative words for the drafter’s, not the decision’s', () => {
    const text = '决定如下：\n　　（三）维持原复议决定主文\n　　维持……（决定的时间及文号）的决定。';
    expect(spans(text)).toEqual([
      [8, 20, 'instruction', undefined],
      [25, 37, 'free', '决定的时间及文号'],
    ]);
    expect(found('　　（四）撤销复议机关（赔偿义务机关）决定，重新作出决定的主文\n')).toEqual([['（四）撤销复议机关（赔偿义务机关）决定，重新作出决定的主文', 'instruction']]);
  });

  it('leaves a line about the operative part that is a sentence, or not a numbered heading', () => {
    expect(found('　　判决主文如下。\n')).toEqual([]);
    expect(found('　　本判决的主文\n')).toEqual([]);
    expect(found('　　（一）判决主文应当明确。\n')).toEqual([]);
  });

  it('takes a note alone on its line that says which words to use or what to use', () => {
    expect(found('决定如下：\n　　（根据不同情况分别适用以下决定主文）\n')).toEqual([['（根据不同情况分别适用以下决定主文）', 'instruction']]);
    expect(found('　　（院印）\n　　（送达本决定应使用送达回证）\n')).toEqual([
      ['（院印）', 'sign'],
      ['（送达本决定应使用送达回证）', 'instruction'],
    ]);
    // In running text the same words state a rule.
    expect(found('送达时（应当使用送达回证）由受送达人签收。')).toEqual([]);
  });

  it('takes a party’s standing below, named in the label, for what to write there', () => {
    expect(spans('再审申请人（一、二审诉讼地位）：×××，……。')[0]).toEqual([5, 15, 'instruction', undefined]);
    expect(found('再审申请人（一审原告、二审上诉人）：张三。')).toEqual([]);
  });
});

describe('seals named where they go', () => {
  it('takes a seal named alone on its line or in its cell for the place to seal', () => {
    expect(spans('转让注册费：      元\n\n地方工商行政管理部门商标\n\n注册费用收讫专用章\n\n')).toEqual([
      [6, 12, 'amount', undefined],
      [29, 38, 'sign', '注册费用收讫专用章'],
    ]);
    expect(spans('│地方工商行政管理部门商标注册费│\n│　　　　│用收讫专用章　　　　│')).toEqual([[24, 30, 'sign', '用收讫专用章']]);
  });

  it('leaves a seal named in a sentence', () => {
    expect(found('发票须加盖发票专用章。')).toEqual([]);
    expect(found('（三）加盖财务专用章\n')).toEqual([]);
    expect(found('合同专用章和公章效力相同')).toEqual([]);
  });
});

describe('a value left before the comma of a list', () => {
  it('takes spaces before 、 for an item’s value', () => {
    const text = '专利项目(申请日    、申请号：    、授权日<公开日、公告日>    、专利法定有效期限：    )许可乙方实施，';
    expect(findPlaceholders(text).map((p) => [p.start, p.end])).toEqual([
      [8, 12],
      [17, 21],
      [34, 38],
      [48, 52],
    ]);
  });

  it('leaves spaces after a cell’s wall or at a line’s start', () => {
    expect(found('│    、备注│')).toEqual([]);
    expect(found('    、其他事项')).toEqual([]);
  });
});

describe('prompts of English templates written out', () => {
  it('takes a prompt in capitals ending with HERE, alone, after a label or in a cell', () => {
    expect(spans('{{else}}\n\nADD BILLING ADDRESS HERE\n{{/if}}')).toEqual([[10, 34, 'instruction', undefined]]);
    expect(spans('Billing address: ADD BILLING ADDRESS HERE')).toEqual([[17, 41, 'instruction', undefined]]);
    expect(spans('| Vendor | COMPANY NAME HERE |')).toEqual([[11, 28, 'instruction', undefined]]);
    expect(spans('SIGN HERE')).toEqual([[0, 9, 'sign', undefined]]);
  });

  it('leaves a link, a pointer and capitals inside a sentence', () => {
    expect(found('CLICK HERE')).toEqual([]);
    expect(found('START HERE')).toEqual([]);
    expect(found('The Buyer shall PUT NOTHING HERE unless agreed.')).toEqual([]);
    expect(found('You are HERE')).toEqual([]);
  });

  it('takes a drafting note in square brackets, of any length, for an instruction, not a field', () => {
    const note = '[Drafting note: If a free Pilot, delete this row entirely. If charging fees for the Pilot, select one option and delete the other. ' + 'The first option requires Provider to send invoices. '.repeat(6) + ']';
    expect(note.length).toBeGreaterThan(300);
    expect(spans(`Payment Process\n\n${note}\n`)).toEqual([[17, 17 + note.length, 'instruction', undefined]]);
    expect(spans('[Insert the name of the Customer. Use its full legal name.]')).toEqual([[0, 59, 'instruction', undefined]]);
    // A prompt of one phrase is still the field it names.
    expect(spans('[Customer Name]')).toEqual([[0, 15, 'name', 'Customer Name']]);
    expect(spans('[U.S. Government Agency]')).toEqual([[0, 24, 'named', 'U.S. Government Agency']]);
  });

  it('takes a request to the writer on its own line, to the line’s end', () => {
    const text = "{{else}}\n\nPlease provide several paragraphs about your project's history, mission, and current state.\n{{/if}}";
    expect(spans(text)).toEqual([[10, 101, 'instruction', undefined]]);
    expect(found('Please see attached IGCE for a detailed price breakout.')).toEqual([]);
    expect(found('The vendor will. Please provide the invoice by Friday.')).toEqual([]);
  });
});

describe('a note wrapped onto the next line', () => {
  it('takes a note of what to write wrapped at the line’s end for one blank, the dots with it', () => {
    const text = '　　赔偿请求人……（姓名、住址等基本情况）。\n　　（如是法人或其他组织的，应写明赔偿请求人名称、地址；委托代理人的\n　　姓名、地址）\n';
    expect(spans(text)).toEqual([
      [7, 21, 'free', '姓名、住址等基本情况'],
      [25, 66, 'instruction', undefined],
    ]);
    expect(spans('　　一、撤销……（决定的时间及文号）决定和……（复议机关名\n　　称）……（决定的时间及文号）的决定。')).toEqual([
      [6, 18, 'free', '决定的时间及文号'],
      [21, 34, 'name', '复议机关名称'],
      [34, 46, 'free', '决定的时间及文号'],
    ]);
  });

  it('takes a date wrapped after its year for one date', () => {
    expect(spans('赔偿一案，于××××年\n　　××月××日向本院申请。')).toEqual([[6, 20, 'date', undefined]]);
    // A year at a line's end with no month under it stays a year.
    expect(spans('于××××年\n　　第二条')).toEqual([[1, 5, 'year', undefined]]);
    const steps = ['于××××年\n　　××月××日', '于××××年\n　　第××月××日', '于××××年\n　　××月××日'];
    let list = findPlaceholdersByLine(steps[0]);
    for (let k = 1; k < steps.length; k++) {
      list = updatePlaceholders(list, steps[k], diffText(steps[k - 1], steps[k])!);
      expect(list).toEqual(findPlaceholdersByLine(steps[k]));
    }
  });

  it('keeps the checklist equal to a full scan beside dates wrapped with long parts, or below the line after the edit', () => {
    for (const [before, after] of [
      ['签订日期：______年\n' + '_'.repeat(40) + '月______日', '签订时间：______年\n' + '_'.repeat(40) + '月______日'],
      ['附件一\n见上）签订于××××年\n××月××日', '附件二\n见上）签订于××××年\n××月××日'],
      ['甲\r\n1日内签订，于××××年\r\n　　××月××日', '乙\r\n1日内签订，于××××年\r\n　　××月××日'],
    ]) {
      expect(updatePlaceholders(findPlaceholdersByLine(before), after, diffText(before, after)!)).toEqual(findPlaceholdersByLine(after));
    }
  });

  it('leaves an aside wrapped in running text, and a bracket left open', () => {
    expect(found('本办法所称单位（包括机关、团体\n和企业）应当遵守本办法。')).toEqual([]);
    expect(found('（一）总则\n第一条 为了规范管理，制定本办法。')).toEqual([]);
  });

  it('keeps the checklist equal to a full scan when an edit wraps or unwraps a note', () => {
    const steps = [
      '……（写明理由）。\n第二行××',
      '……（写明理\n由）。\n第二行××',
      '……（写明理\n由）××。\n第二行××',
      '……（写明理\n由××。\n第二行××',
      '……（写明理由××。\n第二行××',
    ];
    let list = findPlaceholdersByLine(steps[0]);
    for (let k = 1; k < steps.length; k++) {
      list = updatePlaceholders(list, steps[k], diffText(steps[k - 1], steps[k])!);
      expect(list).toEqual(findPlaceholdersByLine(steps[k]));
    }
    expect(spans(steps[1])[0]).toEqual([0, 9, 'free', '写明理由']);
  });
});

describe('a worked example at the end of a form’s guide', () => {
  const form = [
    '二、格式：',
    '申请人名称：          ',
    '电话：      ',
    '三、举一范例供制作时参考：',
    '申请人名称：××公司',
    '联  系  人：王××          电话：××××××',
    '年    月    日',
    '四、注意事项',
    '邮政编码：      ',
  ].join('\n');

  it('sets the example’s marks and gaps aside, up to the next heading of its rank', () => {
    // Counted by hand: the form's two fields before the example, the postcode after it.
    expect(spans(form)).toEqual([
      [12, 22, 'name', '申请人名称'],
      [26, 32, 'phone', '电话'],
      [113, 119, 'number', '邮政编码'],
    ]);
  });

  it('keeps them in the list by line, from which the checklist sets them aside after each edit', () => {
    const byLine = findPlaceholdersByLine(form);
    expect(byLine.length).toBeGreaterThan(3);
    expect(setExamplesAside(form, byLine)).toEqual(findPlaceholders(form));
    // Taking the heading out brings the example's blanks back; putting it in sets them aside again.
    const unheaded = form.replace('三、举一范例供制作时参考：', '三、');
    const list = updatePlaceholders(byLine, unheaded, diffText(form, unheaded)!);
    expect(setExamplesAside(unheaded, list)).toEqual(findPlaceholders(unheaded));
    expect(findPlaceholders(unheaded).length).toBe(byLine.length);
    const again = updatePlaceholders(list, form, diffText(unheaded, form)!);
    expect(setExamplesAside(form, again)).toEqual(findPlaceholders(form));
  });

  it('runs an unnumbered example heading to the next top heading, and reads no sentence as one', () => {
    expect(found('附：填写示例\n姓名：张××\n一、说明\n姓名：____')).toEqual([['____', 'name']]);
    expect(found('本表可参照示例填写，姓名：____')).toEqual([['____', 'name']]);
    // A bare `示例：` shows a line or two of a template, and no more.
    expect(found('示例：\n- 任务ID: AUTH-001\n\n- **任务ID**: [TASK-ID]')).toEqual([['[TASK-ID]', 'named']]);
    expect(found('三、范例\n（一）姓名：××\n（二）电话：××\n')).toEqual([]);
  });
});

describe('the lists and notes of office forms', () => {
  it('counts the copies and pages a list of documents leaves, not the gap after each item’s name', () => {
    expect(spans('申请文件清单\n1、请求书      份  每份   页\n2、图或照片    份  每份   页')).toEqual([
      [12, 18, 'count', undefined],
      [23, 26, 'count', undefined],
      [34, 38, 'count', undefined],
      [43, 46, 'count', undefined],
    ]);
    expect(spans('权利要求项数每份     项\n说明书       每份    项')).toEqual([
      [8, 13, 'count', undefined],
      [27, 31, 'count', undefined],
    ]);
    // A word that starts with the measure word is no measure word.
    expect(found('请访问      页面')).toEqual([]);
  });

  it('takes a long note after a mark that says what to write there for the mark’s name', () => {
    const text = '兹证明债务人×××（应写明姓名、年龄、性别、职业、住址，如果是法人单位应当写明单位全称、法定代表人、单位地址）于';
    expect(spans(text)).toEqual([[6, 55, 'name', '应写明姓名、年龄、性别、职业、住址，如果是法人单位应当写明单位全称、法定代表人、单位地址']]);
    // A long aside after a mark stays apart from it.
    expect(found('债务人×××（其在本市的住所地与户籍所在地不一致的，以经常居住地为准）').map(([, kind]) => kind)).toEqual(['name']);
  });

  it('takes a note of what to write in a case for an instruction, in a form and after a sentence', () => {
    const text = '由继承人共同继承。（如果有代位继承的情况应当写明继承人先于被继承人死亡的情况；如果放弃继承，应当写明谁放弃了继承）';
    expect(found(text)).toEqual([[text.slice(9), 'instruction']]);
    // A rule of law says 应当写明 without a case before it.
    expect(found('申请书（起诉状应当写明当事人的姓名、性别、年龄、民族、职业、工作单位和住所等基本情况）')).toEqual([]);
  });

  it('takes the room after the slash of two ways to say who for the other one, to write', () => {
    expect(spans('我厂/        对商标局的决定不服，现申请复审。')).toEqual([[3, 11, 'free', undefined]]);
    expect(found('商品/服务上的商标，')).toEqual([]);
  });
});

describe('a compiler’s note in a model contract', () => {
  it('takes a note that leaves a term to the parties for an instruction', () => {
    expect(found('达到＿＿＿＿通一平（或几通一平，注：根据具体情况定）。')).toEqual([
      ['＿＿＿＿', 'field'],
      ['（或几通一平，注：根据具体情况定）', 'instruction'],
    ]);
    expect(found('（注：特殊项目出让合同的《土地使用条件》双方可根据实际情况自行约定）')).toEqual([['（注：特殊项目出让合同的《土地使用条件》双方可根据实际情况自行约定）', 'instruction']]);
  });

  it('leaves a note of a finished report alone', () => {
    expect(found('全年完成投资120亿元（注：数据截至2023年底）。')).toEqual([]);
    expect(found('（注：本表金额单位为万元）')).toEqual([]);
  });
});

describe('the new rules leave ordinary text alone', () => {
  it.each([
    'WHY WE ARE HERE',
    '## WHAT HAPPENS HERE',
    'YOU ARE HERE',
    'STOP HERE',
    'Please provide your comments by Friday.',
    '- Please include a test case for each change.',
    '[Read the whole guide. It explains more](https://example.com/guide)',
    '附　　件',
    '证　　件',
    '（四）裁判主文',
    '（报送材料应使用A4纸）',
    '（本办法适用以下单位）',
    'Word  、Excel',
    '2022  、2023年',
    '本人/  单位承诺所填内容真实有效。',
    '原告（一审诉讼地位）为本案当事人。',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('ends an example at a heading of a higher rank, and reads 2. 示例 as a heading', () => {
    expect(found('二、填写\n（二）填写示例：\n联系人：王××\n三、附则\n联系人：＿＿＿＿')).toEqual([['＿＿＿＿', 'name']]);
    expect(found('2. 示例\n姓名：张××\n3. 表格\n姓名：____')).toEqual([['____', 'name']]);
  });
});
