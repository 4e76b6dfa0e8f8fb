// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blockSpan, inEmptyBlock, placeInsertion, placementOf, unwrapParagraph } from '@/utils/editors/placement';
import { readDomText } from '@/utils/editors/dom-selection';
import { rangeHtml } from '@/utils/editors/selected-content';

/** A report excerpt as an editor's text: one line per block. */
const TEXT = '一、主要工作\n今年以来，我们围绕xx中心工作，完成了xx项任务。\n二、存在问题';
const SECOND = TEXT.indexOf('今年');
const SECOND_END = TEXT.indexOf('\n二');

const caret = (at: number) => ({ start: at, end: at });

describe('blockSpan', () => {
  it('moves a caret inside a paragraph to the end of that paragraph', () => {
    expect(blockSpan(TEXT, caret(SECOND + 16))).toEqual(caret(SECOND_END));
    expect(blockSpan(TEXT, caret(SECOND_END))).toEqual(caret(SECOND_END));
  });

  it('puts a caret at the start of a line between that line and the one before', () => {
    expect(blockSpan(TEXT, caret(SECOND))).toEqual(caret(SECOND - 1));
  });

  it('keeps the start of the document after its first line, where no line comes before', () => {
    expect(blockSpan(TEXT, caret(0))).toEqual(caret(TEXT.indexOf('\n')));
  });

  it('fills a blank line holding the caret', () => {
    const text = '第一段。\n  \n第二段。';
    expect(blockSpan(text, caret(6))).toEqual({ start: 5, end: 7 });
    expect(blockSpan('第一段。\n\n第二段。', caret(5))).toEqual(caret(5));
  });

  it('replaces a selection of whole lines, and goes after the line where a partial one ends', () => {
    expect(blockSpan(TEXT, { start: SECOND, end: SECOND_END })).toEqual({ start: SECOND, end: SECOND_END });
    expect(blockSpan(TEXT, { start: 2, end: SECOND + 3 })).toEqual(caret(SECOND_END));
  });

  it('goes at the end of the text for a caret past it, and into an empty editor', () => {
    expect(blockSpan(TEXT, caret(Number.MAX_SAFE_INTEGER))).toEqual(caret(TEXT.length));
    expect(blockSpan('', caret(0))).toEqual(caret(0));
  });
});

describe('placementOf', () => {
  it('keeps the placement asked for', () => {
    expect(placementOf({ text: '一\n二', placement: 'inline' })).toBe('inline');
    expect(placementOf({ text: '一', placement: 'block' })).toBe('block');
  });

  it('reads it from the content otherwise: more than one block or line is block content', () => {
    expect(placementOf({ text: '严格遵守。', html: '<p>严格遵守<strong>中央八项规定</strong>精神。</p>' })).toBe('inline');
    expect(placementOf({ text: '三、\n持续。', html: '<h2>三、</h2><p>持续。</p>' })).toBe('block');
    expect(placementOf({ text: '一是\n二是', html: '<ul><li>一是</li><li>二是</li></ul>' })).toBe('block');
    expect(placementOf({ text: '第一段。\n第二段。' })).toBe('block');
    expect(placementOf({ text: '一句话。\n' })).toBe('inline');
  });
});

describe('unwrapParagraph', () => {
  it('takes the paragraph off one paragraph of HTML', () => {
    expect(unwrapParagraph('<p>严格遵守<strong>中央八项规定</strong>精神。</p>')).toBe('严格遵守<strong>中央八项规定</strong>精神。');
    expect(unwrapParagraph(' <P>一句话</P>\n')).toBe('一句话');
  });

  it('leaves several paragraphs, other blocks and bare text as they are', () => {
    expect(unwrapParagraph('<p>一</p><p>二</p>')).toBe('<p>一</p><p>二</p>');
    expect(unwrapParagraph('<h2>三、下一步打算</h2>')).toBe('<h2>三、下一步打算</h2>');
    expect(unwrapParagraph('一句话')).toBe('一句话');
  });
});

function editor(html: string) {
  const root = document.createElement('div');
  root.contentEditable = 'true';
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

/** A saved caret at `offset` into the element `selector` matches, as the DOM holds it. */
function caretIn(root: HTMLElement, selector: string, offset = 0) {
  const range = document.createRange();
  range.setStart(root.querySelector(selector)!, offset);
  return { start: 0, end: 0, range };
}

describe('inEmptyBlock', () => {
  it('tells an empty paragraph from the start of the next one', () => {
    const root = editor('<p>第一段。</p><p><br></p><p id="next">第二段。</p>');
    expect(readDomText(root)).toBe('第一段。\n\n第二段。');
    expect(inEmptyBlock(root, caretIn(root, 'p:nth-child(2)'))).toBe(true);
    expect(inEmptyBlock(root, caretIn(root, '#next'))).toBe(false);
  });

  it('counts a paragraph holding only &nbsp; or a zero-width space as empty', () => {
    const root = editor('<p>&nbsp;</p><p>\u200b</p>');
    expect(inEmptyBlock(root, caretIn(root, 'p:nth-child(1)'))).toBe(true);
    expect(inEmptyBlock(root, caretIn(root, 'p:nth-child(2)'))).toBe(true);
  });

  it('needs a live caret', () => {
    const root = editor('<p><br></p>');
    expect(inEmptyBlock(root, { start: 0, end: 0 })).toBe(false);
    expect(inEmptyBlock(root, null)).toBe(false);
  });
});

describe('placeInsertion', () => {
  const section = { text: '三、下一步打算\n持续深化理论学习。', html: '<h2>三、下一步打算</h2><p>持续深化理论学习。</p>', placement: 'block' as const };
  const adapter = { family: 'contenteditable' as const, readText: readDomText };

  it('sends block content to the end of the caret\'s paragraph', () => {
    const root = editor('<h2>一、主要工作</h2><p>今年以来，完成了xx项任务。</p><h2>二、存在问题</h2>');
    const at = '一、主要工作\n今年以来，'.length;
    expect(placeInsertion(root, adapter, section, { start: at, end: at, range: null })).toEqual({
      content: section,
      at: caret('一、主要工作\n今年以来，完成了xx项任务。'.length),
    });
  });

  it('keeps the caret of an empty paragraph, which the content fills', () => {
    const root = editor('<p>第一段。</p><p><br></p><p>第二段。</p>');
    const saved = caretIn(root, 'p:nth-child(2)');
    expect(placeInsertion(root, adapter, section, saved).at).toBe(saved);
  });

  it('makes lines of plain block text paragraphs, for rich editors', () => {
    const root = editor('<p>第一段。</p>');
    const { content } = placeInsertion(root, adapter, { text: '一是<学习>\n二是', placement: 'block' }, null);
    expect(content.html).toBe('<p>一是&lt;学习&gt;</p><p>二是</p>');
  });

  it('leaves inline content at the caret, without its paragraph', () => {
    const root = editor('<p>第一段。</p>');
    const saved = { start: 2, end: 2, range: null };
    expect(placeInsertion(root, adapter, { text: '插入', html: '<p>插入</p>' }, saved)).toEqual({
      content: { text: '插入', html: '插入', placement: 'inline' },
      at: saved,
    });
  });

  it('keeps everything at the caret of a one-line field', () => {
    const field = { family: 'input' as const, readText: () => '关于工作' };
    const saved = { start: 2, end: 2, range: null };
    expect(placeInsertion(document.body, field, { text: '年度\n总结' }, saved)).toEqual({ content: { text: '年度\n总结', placement: 'inline' }, at: saved });
  });
});

describe('rangeHtml', () => {
  it('leaves out the empty start of the next block a triple click takes in', () => {
    const root = editor('<p id="a">第一段。</p><h2 id="b">二、存在问题</h2>');
    const range = document.createRange();
    range.setStart(root.querySelector('#a')!, 0);
    range.setEnd(root.querySelector('#b')!, 0);
    expect(rangeHtml(range)).toBe('<p id="a">第一段。</p>');
  });
});
