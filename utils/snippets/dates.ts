/**
 * Dates and times that snippets write themselves (`{{date+1w:cn}}`): offsets and formats,
 * Chinese ones included. Pure: the clock is passed in, and the local time zone is the reader's.
 */

export type DateUnit = 'd' | 'w' | 'm' | 'y' | 'wd';
export interface DateOffset {
  amount: number;
  unit: DateUnit;
}

const OFFSET = /([+-])\s*(\d{1,4})\s*(wd|d|w|m|y)/gy;

/** `+1w-2d` → offsets, or null when the text is not a run of offsets. */
export function parseOffsets(text: string): DateOffset[] | null {
  const offsets: DateOffset[] = [];
  const source = text.replace(/\s+/g, '');
  OFFSET.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    OFFSET.lastIndex = at;
    const match = OFFSET.exec(source);
    if (!match) return null;
    offsets.push({ amount: (match[1] === '-' ? -1 : 1) * Number(match[2]), unit: match[3] as DateUnit });
    at = OFFSET.lastIndex;
  }
  return offsets;
}

function isWorkingDay(date: Date): boolean {
  const day = date.getDay();
  return day !== 0 && day !== 6;
}

/** `now` moved by each offset in turn; months and years keep the day, clamped to the month's end. */
export function applyOffsets(now: Date, offsets: readonly DateOffset[]): Date {
  const date = new Date(now.getTime());
  for (const { amount, unit } of offsets) {
    if (unit === 'd') date.setDate(date.getDate() + amount);
    else if (unit === 'w') date.setDate(date.getDate() + 7 * amount);
    else if (unit === 'wd') {
      // `+1wd` is the next working day, whatever today is.
      const step = Math.sign(amount);
      for (let left = Math.abs(amount); left > 0; ) {
        date.setDate(date.getDate() + step);
        if (isWorkingDay(date)) left--;
      }
    } else {
      const day = date.getDate();
      date.setDate(1);
      if (unit === 'm') date.setMonth(date.getMonth() + amount);
      else date.setFullYear(date.getFullYear() + amount);
      const lastDay = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
      date.setDate(Math.min(day, lastDay));
    }
  }
  return date;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ZH_DAYS = '日一二三四五六';

/** A year digit by digit (`二〇二三`), as dates on documents write it. */
function chineseYear(year: number): string {
  return [...String(year)].map((d) => CHINESE_DIGITS[Number(d)]).join('');
}

/** 1–31 as counted in Chinese: `十`, `十一`, `二十`, `三十一`. */
function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones ? CHINESE_DIGITS[ones] : ''}`;
}

export type DateLanguage = 'zh' | 'en';

/** Named formats, each written in the token language below. */
export const DATE_PRESETS: Record<string, string> = {
  cn: 'YYYY年M月D日',
  'cn-upper': '[cn-upper]',
  'cn-week': 'M月D日（dddd）',
  'cn-quarter': 'YYYY年第[cn-quarter]季度',
  'cn-half': '[cn-half]',
  iso: 'YYYY-MM-DD',
  en: 'MMMM D, YYYY',
  'en-short': 'D MMM YYYY',
  us: 'M/D/YYYY',
};

const TOKEN = /YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|mm|Q|\[[^\]]*\]|[A-Za-z]+|[^A-Za-z[]+|\[/g;

const pad = (n: number) => String(n).padStart(2, '0');

function tokenValue(token: string, date: Date, language: DateLanguage): string | null {
  const month = date.getMonth();
  const day = date.getDay();
  switch (token) {
    case 'YYYY':
      return String(date.getFullYear());
    case 'YY':
      return pad(date.getFullYear() % 100);
    case 'MMMM':
      return language === 'zh' ? `${month + 1}月` : EN_MONTHS[month];
    case 'MMM':
      return language === 'zh' ? `${month + 1}月` : EN_MONTHS[month].slice(0, 3);
    case 'MM':
      return pad(month + 1);
    case 'M':
      return String(month + 1);
    case 'DD':
      return pad(date.getDate());
    case 'D':
      return String(date.getDate());
    case 'dddd':
      return language === 'zh' ? `星期${ZH_DAYS[day]}` : EN_DAYS[day];
    case 'ddd':
      return language === 'zh' ? `周${ZH_DAYS[day]}` : EN_DAYS[day].slice(0, 3);
    case 'HH':
      return pad(date.getHours());
    case 'H':
      return String(date.getHours());
    case 'mm':
      return pad(date.getMinutes());
    case 'Q':
      return String(Math.floor(month / 3) + 1);
    case '[cn-upper]':
      return `${chineseYear(date.getFullYear())}年${chineseNumber(month + 1)}月${chineseNumber(date.getDate())}日`;
    case '[cn-quarter]':
      return CHINESE_DIGITS[Math.floor(month / 3) + 1];
    case '[cn-half]':
      return month < 6 ? '上半年' : '下半年';
    default:
      return null;
  }
}

/**
 * The pieces of a format, or null when it holds a Latin word that is no token (`dd.MM.YYYY`
 * is refused rather than written as `dd.06.2023`). `[text]` is written as it stands.
 */
function tokenize(format: string): string[] | null {
  const pieces = format.match(TOKEN) ?? [];
  for (const piece of pieces) {
    if (/^[A-Za-z]/.test(piece) && tokenValue(piece, new Date(0), 'en') === null) return null;
    if (piece === '[') return null;
  }
  return pieces;
}

/** The format a preset name or a token string stands for; null when it is neither. */
export function resolveDateFormat(format: string): string | null {
  const preset = DATE_PRESETS[format.trim()];
  if (preset) return preset;
  return tokenize(format) ? format : null;
}

export function formatDate(date: Date, format: string, language: DateLanguage): string {
  const pieces = tokenize(resolveDateFormat(format) ?? format) ?? [];
  return pieces
    .map((piece) => {
      const value = tokenValue(piece, date, language);
      if (value !== null) return value;
      return piece.startsWith('[') && piece.endsWith(']') ? piece.slice(1, -1) : piece;
    })
    .join('');
}

/** The date a document in `language` writes by default. */
export const DEFAULT_DATE_FORMAT: Record<DateLanguage, string> = { zh: 'cn', en: 'en' };
export const DEFAULT_TIME_FORMAT = 'HH:mm';
