import { describe, expect, it } from 'vitest';
import { followTyping, locateStops } from '@/utils/snippets/stops';

describe('caret stops in the editor’s text', () => {
  it('finds the stops of text inserted as it stands (a text area)', () => {
    const before = '前文。后文。';
    const text = '联系人：，电话：。';
    const after = '前文。联系人：，电话：。后文。';
    expect(locateStops(before, after, text, [4, 8])).toEqual([7, 11]);
  });

  it('follows a rich editor that writes line breaks as paragraph breaks', () => {
    const before = '标题\n\n结尾';
    const text = '一、\n内容';
    // The editor put the section between two paragraphs, blank lines around it.
    const after = '标题\n\n一、\n\n内容\n\n结尾';
    expect(locateStops(before, after, text, [0, 2, 3, 5])).toEqual([4, 6, 8, 10]);
  });

  it('finds the insertion when it starts like the text after the caret', () => {
    // `BX` inserted between `A` and `B`: the first difference is at `X`, the insertion at `B`.
    expect(locateStops('AB', 'ABXB', 'BX', [0, 2])).toEqual([1, 3]);
  });

  it('takes a no-break space for a space', () => {
    expect(locateStops('', 'Dear\u00a0Sir, ', 'Dear Sir, ', [10])).toEqual([10]);
  });

  it('gives up when the editor wrote something else', () => {
    expect(locateStops('', 'completely different', '联系人：', [4])).toBeNull();
  });
});

describe('typing at a stop', () => {
  const text = '联系人：；电话：。';
  it('moves the stops further on by what was typed', () => {
    expect(followTyping(text, '联系人：张三；电话：。', [4, 8], 0)).toEqual([4, 10]);
  });

  it('keeps stops before the typing where they are, whatever their order', () => {
    // The cursor stop is after a tab stop: typing at the cursor does not move the earlier one.
    expect(followTyping('A B C', 'A B xyC', [4, 2], 0)).toEqual([4, 2]);
    expect(followTyping('A B C', 'A xyB C', [4, 2], 1)).toEqual([6, 2]);
  });

  it('moves a later stop at the same place, not an earlier one', () => {
    expect(followTyping('AB', 'AxB', [1, 1], 0)).toEqual([1, 2]);
  });

  it('ends when the text changed anywhere else', () => {
    expect(followTyping(text, '改' + text, [4, 8], 0)).toBeNull();
    expect(followTyping(text, text.slice(0, -1), [4, 8], 0)).toBeNull();
    expect(followTyping(text, text.replace('电话', '手机'), [4, 8], 0)).toBeNull();
  });
});
