import { describe, expect, it } from 'vitest';
import type { TemplateSection } from '../../../utils/db/schema';
import { checkNumbering, parseOutline } from '../../../utils/report/outline';
import { findPlaceholders } from '../../../utils/report/placeholders';
import {
  BUILT_IN_TEMPLATES,
  fillNamed,
  isBuiltInTemplate,
  renderSections,
  renderTemplate,
  templateFields,
  templateFileName,
  templateToJson,
} from '../../../utils/report/templates';

const EXCERPT = '一、主要工作\n今年以来，我们围绕xx中心工作，完成了xx项任务。\n二、存在问题\n一是学习不够深入。';

const part = (heading: string, body: string, children?: TemplateSection[]): TemplateSection => ({ heading, level: 1, body, children });
const sub = (heading: string, body: string): TemplateSection => ({ heading, level: 2, body });

describe('the built-in library', () => {
  const byTitle = (title: string) => BUILT_IN_TEMPLATES.find((t) => t.title === title);

  it('has the Chinese and English skeletons the product promises', () => {
    for (const title of ['年度工作总结', '述职报告', '全面从严治党主体责任情况报告', '调研报告', '情况报告', '工作计划（要点）', '讲话稿', '请示']) {
      expect(byTitle(title)?.language, title).toBe('zh');
    }
    for (const title of ['Quarterly business report', 'Incident post-mortem', 'Project status report']) {
      expect(byTitle(title)?.language, title).toBe('en');
    }
  });

  it('gives every template unique built-in ids, a description, guidance and named fields', () => {
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.id)).size).toBe(BUILT_IN_TEMPLATES.length);
    for (const template of BUILT_IN_TEMPLATES) {
      expect(isBuiltInTemplate(template.id)).toBe(true);
      expect(template.description.length, template.title).toBeGreaterThan(10);
      expect(template.sections.filter((s) => s.level === 1).length, template.title).toBeGreaterThanOrEqual(2);
      expect(template.sections.some((s) => s.guidance), template.title).toBe(true);
      expect(templateFields(template.sections).length, template.title).toBeGreaterThan(0);
    }
  });

  // A body line that reads as a heading or a closing part would throw the numbering off.
  for (const template of BUILT_IN_TEMPLATES) {
    it(`${template.title}: renders in order with no numbering problem, and its headings are exactly its sections`, () => {
      const { text } = renderTemplate(template);
      const items = parseOutline(text).filter((item) => item.kind === 'numbered');
      expect(checkNumbering(items)).toEqual([]);
      const numbered: TemplateSection[] = [];
      const visit = (s: TemplateSection) => {
        if (s.level > 0 && s.numbered !== false) numbered.push(s);
        s.children?.forEach(visit);
      };
      template.sections.forEach(visit);
      expect(items.map((item) => item.level)).toEqual(numbered.map((s) => s.level));
      expect(items[0].numbering).toBe(template.language === 'zh' ? '一、' : '1.');
      // Guidance is for the writer, never inserted.
      for (const s of template.sections) if (s.guidance) expect(text).not.toContain(s.guidance);
    });
  }
});

describe('renderSections', () => {
  it('numbers a top-level section to follow the document before the caret: 三、 after 二、', () => {
    const section = part('下一步打算', '持续深化理论学习。');
    const rendered = renderSections([section], { before: EXCERPT });
    expect(rendered.text).toBe('三、下一步打算\n持续深化理论学习。');
    expect(rendered.html).toBe('<h2>三、下一步打算</h2><p>持续深化理论学习。</p>');
  });

  it('numbers children under the new heading and siblings after it', () => {
    const sections = [part('甲', '正文甲', [sub('子一', '细节'), sub('子二', '')]), part('乙', '正文乙')];
    expect(renderSections(sections, { before: `${EXCERPT}\n` }).text).toBe('三、甲\n正文甲\n（一）子一\n细节\n（二）子二\n四、乙\n正文乙');
    expect(renderSections(sections).text).toBe('一、甲\n正文甲\n（一）子一\n细节\n（二）子二\n二、乙\n正文乙');
  });

  it('counts a second-level section on from the one before the caret', () => {
    const before = '一、工作\n（一）学习\n正文\n（二）调研\n正文';
    expect(renderSections([sub('落实', '正文')], { before }).text).toBe('（三）落实\n正文');
  });

  it('takes the style the document uses: 1. in English, # in markdown', () => {
    const english = 'Report\n1. Summary\nText.\n2. Impact\nText.';
    expect(renderSections([part('Timeline', 'TBD.', [sub('Detection', 'TBD.')])], { before: english }).text).toBe(
      '3. Timeline\nTBD.\n3.1 Detection\nTBD.',
    );
    expect(renderSections([part('下一步', '正文')], { before: '# 总结\n\n## 工作\n正文\n' }).text).toBe('# 下一步\n正文');
  });

  it('numbers an English template in English in an empty editor, a Chinese one in Chinese', () => {
    expect(renderSections([part('Summary', 'TBD.')], { language: 'en' }).text).toBe('1. Summary\nTBD.');
    expect(renderSections([part('总体要求', '正文')], { language: 'zh' }).text).toBe('一、总体要求\n正文');
  });

  it('numbers as on a line of its own, whether the caret ends a line or not', () => {
    expect(renderSections([part('问题', '正文')], { before: '一、工作\n正文' }).text).toBe('二、问题\n正文');
    expect(renderSections([part('问题', '正文')], { before: '一、工作\n' }).text).toBe('二、问题\n正文');
    // Mid-line after a heading's text: the heading line is complete before the insertion.
    expect(renderSections([sub('细项', '正文')], { before: '一、工作' }).text).toBe('（一）细项\n正文');
  });

  it('writes the title unnumbered as h1 and closing parts as written', () => {
    const sections: TemplateSection[] = [
      { heading: '工作总结', level: 0, body: '开头。' },
      part('工作', '正文'),
      { heading: '', level: 1, numbered: false, body: '特此报告。\n\n某单位' },
    ];
    const rendered = renderSections(sections);
    expect(rendered.text).toBe('工作总结\n开头。\n一、工作\n正文\n特此报告。\n\n某单位');
    expect(rendered.html).toBe('<h1>工作总结</h1><p>开头。</p><h2>一、工作</h2><p>正文</p><p>特此报告。</p><p>某单位</p>');
  });

  it('leaves the title out when asked, keeping the opening paragraph and the numbering', () => {
    const sections: TemplateSection[] = [{ heading: '关于{{事项}}的请示', level: 0, body: '{{主送机关}}：' }, part('基本情况', '正文')];
    const rendered = renderSections(sections, { before: EXCERPT, title: false, values: { 事项: '购置设备' } });
    expect(rendered.text).toBe('{{主送机关}}：\n三、基本情况\n正文');
    expect(rendered.html).toBe('<p>{{主送机关}}：</p><h2>三、基本情况</h2><p>正文</p>');
    expect(renderSections(sections, { title: true, values: { 事项: '购置设备' } }).text).toBe('关于购置设备的请示\n{{主送机关}}：\n一、基本情况\n正文');
  });

  it('numbers a section inserted after the demo duty report’s problems paragraph 三、', () => {
    const demo = '一、主要工作\n检视整改强治理、抓长远。建立机关问题清单，检视查摆问题xx个，提出对策措施xx条。\n二、存在的问题\n对照全面从严治党的要求，还存在一定差距。一是理论学习不够深入；二是【具体问题】。';
    expect(renderSections([part('下一步打算', '持续深化理论学习。', [sub('加强学习', '正文')])], { before: demo }).text).toBe(
      '三、下一步打算\n持续深化理论学习。\n（一）加强学习\n正文',
    );
  });

  it('escapes markup in headings and bodies', () => {
    const { html } = renderSections([part('<b>标题</b>', 'a & b <script>x</script>')]);
    expect(html).toBe('<h2>一、&lt;b&gt;标题&lt;/b&gt;</h2><p>a &amp; b &lt;script&gt;x&lt;/script&gt;</p>');
  });

  it('fills named placeholders that have a value and leaves the others for the checklist', () => {
    const sections: TemplateSection[] = [{ heading: '{{单位名称}}{{年度}}年工作总结', level: 0, body: '{{年度}}年，{{单位名称}}完成xx项任务。' }];
    const { text } = renderSections(sections, { values: { 年度: ' 2025 ', 单位名称: '' } });
    expect(text).toBe('{{单位名称}}2025年工作总结\n2025年，{{单位名称}}完成xx项任务。');
    expect(findPlaceholders(text).map((p) => p.text)).toEqual(['{{单位名称}}', '{{单位名称}}', 'xx']);
  });

  it('renders nothing for no sections', () => {
    expect(renderSections([], { before: EXCERPT })).toEqual({ text: '', html: '' });
  });
});

describe('fillNamed and templateFields', () => {
  it('fills every kind of named placeholder with the same name', () => {
    expect(fillNamed('{{单位}}、【单位】和 {{ 单位 }}', { 单位: '市局' })).toBe('市局、市局和 市局');
  });

  it('lists each field once, in order, children included', () => {
    const sections = [part('{{甲}}', '{{乙}}{{甲}}', [sub('子', '【丙】xx')])];
    expect(templateFields(sections).map((f) => f.name)).toEqual(['甲', '乙', '丙']);
  });

  it('asks the fields of the snippet syntax with their kind and default; dates and stops are not asked', () => {
    const sections = [part('{{单位=市财政局}}工作报告', '{{密级:choice=公开|内部}} {{开会日期:date}} {{date:cn}}{{cursor}}', [sub('子', '{{情况:paragraph}}【联系人】')])];
    expect(templateFields(sections)).toEqual([
      { name: '单位', kind: 'text', default: '市财政局', choices: [] },
      { name: '密级', kind: 'choice', default: '公开', choices: ['公开', '内部'] },
      { name: '开会日期', kind: 'date', default: '', choices: [] },
      { name: '情况', kind: 'paragraph', default: '', choices: [] },
      { name: '联系人', kind: 'text', default: '', choices: [] },
    ]);
  });
});

describe('fields in a rendered template', () => {
  // 2024年3月8日, a Friday; written by hand below.
  const now = new Date(2024, 2, 8, 9, 30);
  const sections = [part('{{单位=市财政局}}工作情况', '截至{{date:cn}}，{{负责人}}牵头，密级{{密级:choice=公开|内部}}。{{cursor}}联系人：【联系人】。')];

  it('writes the values given, the defaults of fields left empty, and today', () => {
    const { text } = renderSections(sections, { values: { 负责人: '张三', 联系人: '李四', 单位: '  ' }, now });
    expect(text).toBe('一、市财政局工作情况\n截至2024年3月8日，张三牵头，密级公开。联系人：李四。');
  });

  it('leaves a field with no value and no default as a blank the checklist finds', () => {
    const { text } = renderSections(sections, { values: { 密级: '内部' }, now });
    expect(text).toBe('一、市财政局工作情况\n截至2024年3月8日，{{负责人}}牵头，密级内部。联系人：【联系人】。');
  });

  it('writes a date picked in the form as the template’s language writes dates', () => {
    const dated = [part('会议', '定于{{开会日期:date}}召开。')];
    expect(renderSections(dated, { values: { 开会日期: '2024-03-11' }, now }).text).toBe('一、会议\n定于2024年3月11日召开。');
    expect(renderSections([part('Meeting', 'On {{day:date}}.')], { values: { day: '2024-03-11' }, now, language: 'en' }).text).toBe('1. Meeting\nOn March 11, 2024.');
  });
});

describe('export', () => {
  it('writes the whole template as JSON with its format', () => {
    const template = BUILT_IN_TEMPLATES[0];
    const parsed = JSON.parse(templateToJson(template));
    expect(parsed).toEqual({ format: 'report-drafting-template', version: 1, template: JSON.parse(JSON.stringify(template)) });
  });

  it('makes a safe file name', () => {
    expect(templateFileName('述职报告')).toBe('述职报告.json');
    expect(templateFileName('a/b:c?')).toBe('a_b_c_.json');
    expect(templateFileName('  ')).toBe('template.json');
  });
});
