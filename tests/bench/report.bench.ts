import { bench, describe } from 'vitest';
import { cleanMaterial } from '../../utils/report/cleanup';
import { parseOutline, toChineseNumeral } from '../../utils/report/outline';
import { splitSections } from '../../utils/report/sections';
import { readSample } from '../unit/samples';

// Goals: parseOutline on the sample ≤ 1 ms and on 1 MB ≤ 30 ms; cleanMaterial on the sample ≤ 2 ms.

const report = readSample('zh-duty-report-2023.txt');
const MEGABYTE = 1 << 20;

/**
 * About 1 MB (UTF-16 code units) of report: the sample's preamble, then its five numbered
 * sections repeated and renumbered 一、 to 一百…、, then its closing part. Same text every run.
 */
function megabyteReport(): string {
  const sections = splitSections(report);
  const numbered = sections.filter((s) => s.kind === 'numbered');
  const preamble = sections.filter((s) => s.kind === 'preamble').map((s) => s.body);
  const closing = sections.filter((s) => s.kind === 'closing').map((s) => s.body);
  const parts = [...preamble];
  let length = 0;
  for (let n = 1; length < MEGABYTE; n++) {
    const section = numbered[(n - 1) % numbered.length];
    const part = `${toChineseNumeral(n)}、${section.title}\n${section.body}`;
    parts.push(part);
    length += part.length + 1;
  }
  return [...parts, ...closing].join('\n');
}

const megabyte = megabyteReport();

describe('parseOutline', () => {
  bench('duty report sample (38 KB)', () => {
    parseOutline(report);
  });

  bench(`1 MB report (${megabyte.length} code units)`, () => {
    parseOutline(megabyte);
  });
});

describe('cleanMaterial', () => {
  bench('duty report sample (38 KB)', () => {
    cleanMaterial(report);
  });
});
