/** The kinds of blank the checklist finds, with an example of each, and the user's choice of kinds to leave out. Pure. */
import type { Placeholder, PlaceholderKind } from '../report/placeholders';
import { PLACEHOLDER_KINDS } from './placeholder-rules';

/** What a blank of each kind looks like in a document. */
export const KIND_EXAMPLES: Record<PlaceholderKind, string> = {
  year: 'xxxx年, 20**年, xx年以来, （××××）字第×号',
  date: '    年  月  日, x月, ____年__月__日',
  time: '填发时间＿＿＿＿, {{TIMESTAMP}}, hh:mm',
  count: 'xx项, 工作了xx年',
  amount: '＿＿＿＿元, 租金：      , [Base salary]',
  percent: 'xx%',
  number: '第××号, 编号：      , «合同编号»',
  phone: '联系电话：      ',
  place: 'xx市, ××××人民法院, 签订地点：      ',
  name: '某某, XXX, xx同志, 甲方：____, {{单位名称}}',
  named: '【项目名称】, «Project», {{单位}}',
  field: '地址：______, 违约责任＿＿＿＿',
  instruction: '【具体做法和成效，含数据支撑】, 单击或点击此处输入文字。',
  sign: '（盖章）, 签字：      ',
  tickbox: '□同意 □不同意',
  free: '××, ……, TBD, 居住在      的',
};

export { PLACEHOLDER_KINDS };

/** The list without the kinds switched off; the same list when none is. */
export function withoutKinds(list: Placeholder[], off: readonly string[]): Placeholder[] {
  if (off.length === 0) return list;
  const skip = new Set(off);
  return list.filter((p) => !skip.has(p.kind));
}
