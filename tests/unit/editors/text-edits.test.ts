// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { apart, applyEdits, editDom, holdsEvery, rebuiltStretch, rebuiltText, stretchOf } from '@/utils/editors/text-edits';
import { buildTextIndex } from '@/utils/editors/text-index';

function root(html: string) {
  const el = document.createElement('div');
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
}

// 二、存在问题 starts at 11 and 四、下一步 at 22 of the text '一、主要工作\n正文。\n二、存在问题\n正文。\n四、下一步'.
const HTML = '<h2>一、主要工作</h2><p>正文。</p><h2>二、存在<b>问题</b></h2><p>正文。</p><h2>四、下一步</h2>';
const RENUMBER = [
  { start: 22, end: 24, text: '三、' },
  { start: 0, end: 2, text: '甲、' },
];

describe('several edits as one', () => {
  it('makes every edit of a text, in any order', () => {
    expect(applyEdits('一、甲\n二、乙\n四、丁', [{ start: 8, end: 10, text: '三、' }, { start: 0, end: 2, text: '壹、' }])).toBe('壹、甲\n二、乙\n三、丁');
    expect(stretchOf(RENUMBER)).toEqual({ start: 0, end: 24 });
    expect(rebuiltText('xxxx年至xxxx年', [{ start: 6, end: 10, text: '2024' }, { start: 0, end: 4, text: '2023' }])).toBe('2023年至2024');
  });

  it('tells edits apart from overlapping ones, and checks that a text shows every edit', () => {
    expect(apart(RENUMBER)).toBe(true);
    expect(apart([{ start: 0, end: 4, text: 'a' }, { start: 3, end: 5, text: 'b' }])).toBe(false);
    // Edits that change the length move the ones after them on.
    expect(holdsEvery('2023年至2024年', [{ start: 6, end: 10, text: '2024' }, { start: 0, end: 4, text: '2023' }])).toBe(true);
    expect(holdsEvery('壹、甲\n二、乙\n三、丁', [{ start: 0, end: 2, text: '壹、' }, { start: 8, end: 10, text: '三、' }])).toBe(true);
    expect(holdsEvery('壹、甲\n二、乙\n四、丁', [{ start: 0, end: 2, text: '壹、' }, { start: 8, end: 10, text: '三、' }])).toBe(false);
  });

  it('rebuilds the stretch of a rich editor with its blocks and formatting, every edit made', () => {
    const el = root(HTML);
    const stretch = rebuiltStretch(el, [{ start: 11, end: 13, text: '三、' }, { start: 22, end: 24, text: '四、' }])!;
    expect(stretch.span).toEqual({ start: 11, end: 24 });
    expect(stretch.content.text).toBe('三、存在问题\n正文。\n四、');
    expect(stretch.content.html).toBe('<h2>三、存在<b>问题</b></h2><p>正文。</p><h2>四、</h2>');
    // The editor itself is untouched.
    expect(el.innerHTML).toBe(HTML);
  });

  it('will not rewrite a stretch holding what a paste may not keep: a table, an image, a widget', () => {
    // Hand-made: xxxx年 at 6 and at the end, with a table, an image or a widget between them.
    for (const between of ['<table><tbody><tr><td>表</td></tr></tbody></table>', '<p><img src="a.png" alt="">图</p>', '<p><span contenteditable="false">@张三</span></p>']) {
      const html = `<p>一、xxxx年</p>${between}<p>二、xxxx年</p>`;
      const el = root(html);
      const text = buildTextIndex(el).text;
      const second = text.lastIndexOf('xxxx');
      expect(rebuiltStretch(el, [{ start: 2, end: 6, text: '2023' }, { start: second, end: second + 4, text: '2023' }]), between).toBeNull();
      expect(el.innerHTML).toBe(html);
    }
  });

  it('writes an edit over two text nodes once, at its start', () => {
    const el = root('<p>x<i>x</i>xx年</p>');
    // The stretch lies inside one paragraph: the copy is that paragraph's content.
    expect(rebuiltStretch(el, [{ start: 0, end: 4, text: '2023' }])!.content.html).toBe('2023<i></i>');
  });

  it('edits the DOM straight, last first, for editors that snapshot their HTML', () => {
    const el = root(HTML);
    editDom(el, RENUMBER);
    expect(buildTextIndex(el).text).toBe('甲、主要工作\n正文。\n二、存在问题\n正文。\n三、下一步');
    expect(el.querySelector('b')?.textContent).toBe('问题');
  });

  it('ignores edits a forged call makes up', () => {
    const el = root(HTML);
    editDom(el, [{ start: Number.NaN, end: 2, text: 'x' }, { start: 3, end: 1, text: 'y' }]);
    expect(el.innerHTML).toBe(HTML);
  });
});
