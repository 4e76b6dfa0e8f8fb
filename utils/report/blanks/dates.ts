/**
 * A date left blank is one blank: `    年  月  日`, `____年___月___日`, `20**年**月**日`,
 * `xxxx年x月x日` each ask for one date. The parts the scanner found before `年`, `月` and `日`
 * are joined into one placeholder with the units between them. Pure.
 */
import { at, isDigit, isSpace, make, type Placeholder, type PlaceholderKind } from './core';
import { kindAskedBy, labelBeforeColon } from './labels';
import { isCellWall } from './spaces';
import { DATE_WRAP, MAX_WRAPPED_PART } from './wraps';

const UNITS = '年月日号';
/** A part that a blank stands in: masks, spaces, underscores, with leading digits (`20**`). */
const BLANK_PART = /^[\dxX×ｘＸ*＊□○〇_＿ \u00a0\u3000]+$/;

/** Rank of a unit in a date: a date's parts come year, month, day. */
const rank = (unit: string) => (unit === '号' ? 2 : UNITS.indexOf(unit));

/** End of the digits of a written part (`5`, `2023`) that starts at `i`. */
function writtenPartEnd(text: string, i: number): number {
  let j = i;
  while (j - i < 4 && isDigit(at(text, j))) j++;
  return j;
}

/** What a label asks for when it is no part of a date after it: a signature, a name, a number. */
const NOT_A_DATE: ReadonlySet<PlaceholderKind> = new Set(['sign', 'name', 'phone', 'number', 'amount', 'place', 'count']);

/**
 * `found` with the parts of each blank date joined: at least two parts blank, in date order,
 * each followed by its unit, the parts between written in digits or blank. The joined date
 * spans from the first blank part to the unit of the last; its label, if the first part had
 * one, is kept as its name.
 */
export function joinDates(text: string, found: Placeholder[]): Placeholder[] {
  const out: Placeholder[] = [];
  for (let i = 0; i < found.length; i++) {
    const first = found[i];
    const spaced = found[i + 1];
    // `签订日期：    年  月  日`: the spaces before `年` and the date left with spaces after it.
    if (isDatePart(text, first) && spaced?.rule === 'date-blank' && spaced.start === first.end && text[first.end] === '年') {
      const label = labelOf(text, first.start);
      // `签字：      年  月  日`, `申请人：      年  月  日`, `邮政编码：      年  月  日`: after a
      // place to sign or a label that asks for no date (a name, a number) the spaces are that
      // label's, the date starts at `年`; after a date's label (`签订日期：`, `有效期至：`) they are
      // the date's year. After a cell's wall (`│    年  月  日`) or another field's line
      // (`电话号码＿＿＿＿      年  月  日`) they pad it.
      if (first.start > 0 && (isCellWall(text.charAt(first.start - 1)) || /[_＿]/.test(text.charAt(first.start - 1)))) out.push(spaced);
      else if (label !== undefined && NOT_A_DATE.has(kindAskedBy(label)) && isSpace(at(text, first.start))) {
        const kind = kindAskedBy(label);
        out.push(
          make(text, first.start, first.end, kind, kind === 'sign' ? 'sign-place' : 'space-field', label),
          // The label is the signature's, not the date's.
          make(text, spaced.start, spaced.end, 'date', 'date-blank'),
        );
      } else out.push(make(text, first.start, spaced.end, 'date', 'date-blank', label));
      i++;
      continue;
    }
    if (!isDatePart(text, first)) {
      out.push(first);
      continue;
    }
    let blanks = 1;
    let lastRank = rank(text.charAt(first.end));
    let end = first.end + 1;
    let next = i + 1;
    let lastBlankEnd = end;
    let lastBlankIndex = i;
    let wrapped = false;
    for (;;) {
      const candidate = found[next];
      // `××××年\n××月××日`: a date the page wrapped after a unit goes on at the next line's start.
      const wraps: boolean = !wrapped && candidate !== undefined && candidate.start > end && candidate.start - end <= 12 && candidate.text.length <= MAX_WRAPPED_PART && DATE_WRAP.test(text.slice(end, candidate.start));
      if (candidate && (candidate.start === end || wraps) && isDatePart(text, candidate) && rank(text.charAt(candidate.end)) > lastRank) {
        wrapped ||= wraps;
        blanks++;
        lastRank = rank(text.charAt(candidate.end));
        end = candidate.end + 1;
        lastBlankEnd = end;
        lastBlankIndex = next;
        next++;
        continue;
      }
      const written = writtenPartEnd(text, end);
      if (written > end && rank(text.charAt(written)) > lastRank) {
        lastRank = rank(text.charAt(written));
        end = written + 1;
        continue;
      }
      break;
    }
    if (blanks < 2) {
      out.push(first);
      continue;
    }
    out.push(make(text, first.start, lastBlankEnd, 'date', 'date-blank', labelOf(text, first.start)));
    i = lastBlankIndex;
  }
  return out;
}

function isDatePart(text: string, p: Placeholder): boolean {
  const unit = text.charAt(p.end);
  return unit !== '' && UNITS.includes(unit) && BLANK_PART.test(p.text);
}

/** The label a date follows on a form line (`签订日期：`), if any. */
function labelOf(text: string, start: number): string | undefined {
  let i = start;
  while (i > 0 && isSpace(at(text, i - 1))) i--;
  return labelBeforeColon(text, i - 1) ?? undefined;
}
