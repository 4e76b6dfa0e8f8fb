// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildTextIndex } from '@/utils/editors/text-index';

function root(html: string) {
  const el = document.createElement('div');
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
}

describe('buildTextIndex', () => {
  it('separates blocks and <br> with one line break, never at the ends', () => {
    const el = root('<h2>一、主要工作</h2><p>第一段<b>加粗</b>文字</p><p>第二行<br>第三行</p><ul><li>甲</li><li>乙</li></ul>');
    expect(buildTextIndex(el).text).toBe('一、主要工作\n第一段加粗文字\n第二行\n第三行\n甲\n乙');
  });

  it('keeps an empty first line made by a leading <br>', () => {
    expect(buildTextIndex(root('<br>正文')).text).toBe('\n正文');
  });

  it('skips scripts and styles', () => {
    expect(buildTextIndex(root('<p>甲</p><style>p{}</style><script>x()</script><p>乙</p>')).text).toBe('甲\n乙');
  });

  it('maps offsets to DOM points and back', () => {
    const el = root('<p>一二三</p><p>四五<i>六</i></p>');
    const index = buildTextIndex(el);
    expect(index.text).toBe('一二三\n四五六');
    const four = index.pointAt(4);
    expect(four.node.textContent).toBe('四五');
    expect(four.offset).toBe(0);
    const six = index.pointAt(6);
    expect(six.node.textContent).toBe('六');
    expect(index.offsetOf(six.node, 0)).toBe(6);
    // Element boundary: before the <i> in the second paragraph.
    const p2 = el.querySelectorAll('p')[1];
    expect(index.offsetOf(p2, 1)).toBe(6);
    expect(index.offsetOf(el, 2)).toBe(7);
  });

  it('builds a range over exactly the requested text', () => {
    const el = root('<p>关于xx事项</p><p>请示</p>');
    const index = buildTextIndex(el);
    const start = index.text.indexOf('xx');
    expect(index.rangeOf(start, start + 2).toString()).toBe('xx');
    expect(index.rangeOf(0, index.text.length).toString()).toBe('关于xx事项请示');
  });

  it('clamps offsets outside the text', () => {
    const index = buildTextIndex(root('<p>短</p>'));
    expect(index.pointAt(-5).offset).toBe(0);
    expect(index.pointAt(99).offset).toBe(1);
  });
});

describe('buildTextIndex agrees with the text the user sees', () => {
  it('keeps an empty block as an empty line, and a block-ending <br> as none', () => {
    const el = root('<p>甲</p><p><br></p><p>乙<br></p><p>丙</p><p>丁<br><br></p>');
    expect(buildTextIndex(el).text).toBe('甲\n\n乙\n丙\n丁\n');
  });

  it('leaves out elements that are not displayed, and the offsets after them hold', () => {
    const el = root('<p>关于<span style="display:none">**</span>xx<span hidden>隐藏</span>事项</p>');
    const index = buildTextIndex(el);
    expect(index.text).toBe('关于xx事项');
    expect(index.rangeOf(2, 4).toString()).toBe('xx');
    expect(index.rangeOf(4, 6).toString()).toBe('事项');
  });

  it('leaves out what a style sheet hides by class, as an editor hides its bookmarks', () => {
    const el = root('<p>关于<span class="bookmark">书签</span>事项</p><p class="bookmark">整段</p><p>正文</p>');
    const sheet = document.createElement('style');
    sheet.textContent = '.bookmark { display: none; }';
    document.head.append(sheet);
    try {
      expect(buildTextIndex(el).text).toBe('关于事项\n正文');
    } finally {
      sheet.remove();
    }
  });

  it('leaves out zero-width characters, mapping offsets around them', () => {
    const el = root('<p>\u200b关于\ufeffxx\u200b事项</p>');
    const index = buildTextIndex(el);
    expect(index.text).toBe('关于xx事项');
    expect(index.rangeOf(2, 4).toString()).toBe('xx');
    const node = el.querySelector('p')!.firstChild!;
    // DOM offset 4 is after the FEFF, before "xx": text offset 2.
    expect(index.offsetOf(node, 4)).toBe(2);
    expect(index.offsetOf(node, 6)).toBe(4);
  });

  it('ignores the source formatting between blocks', () => {
    const el = root('<p>甲</p>\n  <p>乙</p>\n');
    expect(buildTextIndex(el).text).toBe('甲\n乙');
  });

  it('reads the blocks of a block editor as one document, a line each', () => {
    const el = root('<div><h2 contenteditable="true">一、工作</h2></div><div><p contenteditable="true">xx项</p></div><div><p contenteditable="true"></p></div>');
    const blocks = [...el.querySelectorAll('[contenteditable]')];
    const index = buildTextIndex(blocks);
    expect(index.text).toBe('一、工作\nxx项\n');
    const range = index.rangeOf(0, 7);
    expect(range.toString()).toBe('一、工作xx');
    expect(index.offsetOf(blocks[1].firstChild!, 1)).toBe(6);
  });
});
