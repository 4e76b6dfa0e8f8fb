import { describe, expect, it } from 'vitest';
import { closesOnNextLine, joinsNextLine, unwrapNote } from '../../../utils/report/blanks/wraps';
import { setExamplesAside } from '../../../utils/report/placeholders';

describe('joinsNextLine', () => {
  it('joins a line whose last bracket opens to a next line whose first bracket closes', () => {
    expect(joinsNextLine('……（复议机关名\n　　称）……', 8)).toBe(true);
    expect(joinsNextLine('……（复议机关名\r\n称）', 9)).toBe(true);
  });

  it('joins a line ending with 年 or 月 to a next line opening with the rest of a date', () => {
    expect(joinsNextLine('于××××年\n　　××月××日', 6)).toBe(true);
    expect(joinsNextLine('于××××年\r\n××月', 7)).toBe(true);
    expect(joinsNextLine('于××××年\n第二条', 6)).toBe(false);
  });

  it('joins nothing else, and reads nothing past either end of the text', () => {
    expect(joinsNextLine('（甲）\n乙）', 3)).toBe(false);
    expect(joinsNextLine('甲（\n（乙）', 2)).toBe(false);
    expect(joinsNextLine('甲（\n', 2)).toBe(false);
    expect(joinsNextLine('\n', 0)).toBe(false);
    expect(joinsNextLine('', 0)).toBe(false);
  });
});

describe('unwrapNote and closesOnNextLine', () => {
  it('takes out the one break a note was wrapped at and the indentation after it', () => {
    expect(unwrapNote('复议机关名\n　　称')).toBe('复议机关名称');
    expect(unwrapNote('甲\r\n乙')).toBe('甲乙');
    expect(unwrapNote('no break')).toBe('no break');
  });

  it('sees a note left open at the line’s end closed at the start of the next line', () => {
    expect(closesOnNextLine('……（写明理\n　　由）', 6)).toBe(true);
    expect(closesOnNextLine('……（写明理\n（由）', 6)).toBe(false);
    expect(closesOnNextLine('……（写明理', 6)).toBe(false);
  });
});

describe('setExamplesAside', () => {
  it('returns the list as it is when there is nothing to set aside', () => {
    expect(setExamplesAside('', [])).toEqual([]);
    const list = [{ start: 0, end: 2, text: 'xx', kind: 'count' as const, rule: 'x-count' }];
    expect(setExamplesAside('xx项', list)).toBe(list);
  });
});
