import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOffsets, formatDate, parseOffsets, resolveDateFormat } from '@/utils/snippets/dates';

// Thursday 1 June 2023, 09:05 in the reader's zone.
const JUNE_FIRST = () => new Date(2023, 5, 1, 9, 5);
const ymd = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate()];

describe('date formats', () => {
  it.each([
    ['cn', '2023年6月1日'],
    ['cn-upper', '二〇二三年六月一日'],
    ['cn-week', '6月1日（星期四）'],
    ['cn-quarter', '2023年第二季度'],
    ['cn-half', '上半年'],
    ['iso', '2023-06-01'],
    ['YYYY年MM月DD日', '2023年06月01日'],
    ['YYYY年M月D日 ddd', '2023年6月1日 周四'],
    ['HH:mm', '09:05'],
    ['H:mm', '9:05'],
    ['YYYY年第Q季度', '2023年第2季度'],
    ['[Q]Q YYYY', 'Q2 2023'],
  ])('%s in Chinese', (format, expected) => {
    expect(formatDate(JUNE_FIRST(), format, 'zh')).toBe(expected);
  });

  it.each([
    ['en', 'June 1, 2023'],
    ['en-short', '1 Jun 2023'],
    ['us', '6/1/2023'],
    ['dddd, MMMM D', 'Thursday, June 1'],
    ['ddd D MMM YY', 'Thu 1 Jun 23'],
  ])('%s in English', (format, expected) => {
    expect(formatDate(JUNE_FIRST(), format, 'en')).toBe(expected);
  });

  it('writes days and months past ten as counted in Chinese', () => {
    expect(formatDate(new Date(2024, 10, 11), 'cn-upper', 'zh')).toBe('二〇二四年十一月十一日');
    expect(formatDate(new Date(2020, 11, 20), 'cn-upper', 'zh')).toBe('二〇二〇年十二月二十日');
    expect(formatDate(new Date(2021, 0, 31), 'cn-upper', 'zh')).toBe('二〇二一年一月三十一日');
    expect(formatDate(new Date(2023, 9, 10), 'cn-upper', 'zh')).toBe('二〇二三年十月十日');
  });

  it('names the half year and the quarter from the month', () => {
    expect(formatDate(new Date(2023, 6, 1), 'cn-half', 'zh')).toBe('下半年');
    expect(formatDate(new Date(2023, 11, 31), 'cn-quarter', 'zh')).toBe('2023年第四季度');
    expect(formatDate(new Date(2023, 0, 1), 'cn-quarter', 'zh')).toBe('2023年第一季度');
  });

  it('refuses a format with a Latin word that is no token', () => {
    expect(resolveDateFormat('dd.MM.YYYY')).toBeNull();
    expect(resolveDateFormat('tomorrow')).toBeNull();
    expect(resolveDateFormat('YYYY [Q')).toBeNull();
    expect(resolveDateFormat('cn')).toBe('YYYY年M月D日');
    expect(resolveDateFormat('YYYY/MM/DD')).toBe('YYYY/MM/DD');
  });
});

describe('offsets', () => {
  it('reads runs of offsets and refuses anything else', () => {
    expect(parseOffsets('+1w')).toEqual([{ amount: 1, unit: 'w' }]);
    expect(parseOffsets('-1m +2d')).toEqual([
      { amount: -1, unit: 'm' },
      { amount: 2, unit: 'd' },
    ]);
    expect(parseOffsets('+1wd')).toEqual([{ amount: 1, unit: 'wd' }]);
    expect(parseOffsets('1w')).toBeNull();
    expect(parseOffsets('+1x')).toBeNull();
    expect(parseOffsets('+w')).toBeNull();
  });

  it('moves by days, weeks, months and years, keeping the day within the month', () => {
    expect(ymd(applyOffsets(JUNE_FIRST(), [{ amount: 1, unit: 'w' }]))).toEqual([2023, 6, 8]);
    expect(ymd(applyOffsets(JUNE_FIRST(), [{ amount: -1, unit: 'm' }]))).toEqual([2023, 5, 1]);
    expect(ymd(applyOffsets(JUNE_FIRST(), [{ amount: 1, unit: 'y' }]))).toEqual([2024, 6, 1]);
    expect(ymd(applyOffsets(JUNE_FIRST(), [{ amount: 30, unit: 'd' }]))).toEqual([2023, 7, 1]);
    // 31 January + 1 month is the last day of February, not 3 March.
    expect(ymd(applyOffsets(new Date(2023, 0, 31), [{ amount: 1, unit: 'm' }]))).toEqual([2023, 2, 28]);
    expect(ymd(applyOffsets(new Date(2024, 1, 29), [{ amount: 1, unit: 'y' }]))).toEqual([2025, 2, 28]);
  });

  it('counts working days over the weekend', () => {
    // Thursday +1 → Friday; Friday 2 June +1 → Monday 5 June; Saturday +1 → Monday.
    expect(ymd(applyOffsets(JUNE_FIRST(), [{ amount: 1, unit: 'wd' }]))).toEqual([2023, 6, 2]);
    expect(ymd(applyOffsets(new Date(2023, 5, 2), [{ amount: 1, unit: 'wd' }]))).toEqual([2023, 6, 5]);
    expect(ymd(applyOffsets(new Date(2023, 5, 3), [{ amount: 1, unit: 'wd' }]))).toEqual([2023, 6, 5]);
    expect(ymd(applyOffsets(new Date(2023, 5, 5), [{ amount: -1, unit: 'wd' }]))).toEqual([2023, 6, 2]);
    expect(ymd(applyOffsets(JUNE_FIRST(), [{ amount: 5, unit: 'wd' }]))).toEqual([2023, 6, 8]);
  });
});

describe('in a set time zone', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Asia/Shanghai';
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it('writes the reader’s local date, not the UTC one', () => {
    // 16:30 UTC on 1 June is 00:30 on 2 June in Beijing.
    const instant = new Date(Date.UTC(2023, 5, 1, 16, 30));
    expect(formatDate(instant, 'cn-week', 'zh')).toBe('6月2日（星期五）');
    expect(formatDate(instant, 'HH:mm', 'zh')).toBe('00:30');
  });
});
