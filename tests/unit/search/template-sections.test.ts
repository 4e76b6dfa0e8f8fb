import { describe, expect, it } from 'vitest';
import type { Template } from '@/utils/db/schema';
import { SnippetIndex } from '@/utils/search/snippet-index';
import { sectionFound, templateSectionDocs } from '@/utils/search/template-sections';

const plan: Template = {
  id: 't1',
  title: '季度工作计划',
  kind: 'plan',
  description: '',
  language: 'zh',
  createdAt: 1,
  updatedAt: 2,
  sections: [
    { heading: '{{单位名称}}季度工作计划', level: 0, body: '为做好本季度工作，制定本计划。' },
    {
      heading: '重点任务',
      level: 1,
      body: '本季度重点抓好以下工作。',
      children: [
        { heading: '推进项目建设', level: 2, body: '完成xx个项目。' },
        { heading: '', level: 2, body: '没有标题的一段。' },
      ],
    },
    { heading: '保障措施', level: 1, body: '加强组织领导，推进项目落实。' },
    { heading: '', level: 1, numbered: false, body: '特此报告。' },
  ],
};

describe('template sections to find by name', () => {
  it('lists every part with a heading, the sub-parts too, but not the title or headless parts', () => {
    expect(templateSectionDocs([plan]).map((doc) => [doc.title, doc.section.level])).toEqual([
      ['重点任务', 1],
      ['推进项目建设', 2],
      ['保障措施', 1],
    ]);
  });

  it('carries the section with its sub-parts, and sends nothing of the search fields', () => {
    const [tasks] = templateSectionDocs([plan]);
    expect(sectionFound(tasks)).toEqual({ templateId: 't1', templateTitle: '季度工作计划', language: 'zh', section: plan.sections[1] });
  });

  it('is found by heading and by template title, never by body', () => {
    const index = new SnippetIndex(templateSectionDocs([plan]));
    expect(index.search('项目').map((doc) => doc.title)).toEqual(['推进项目建设']);
    expect(index.search('季度工作计划').map((doc) => doc.title)).toEqual(['重点任务', '推进项目建设', '保障措施']);
    expect(index.search('组织领导')).toEqual([]);
  });
});
