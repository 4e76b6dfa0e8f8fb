import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SCREENSHOTS_DIR = resolve('docs/screenshots');
/** A new user's first hour, step by step. */
export const FIRST_HOUR_DIR = resolve('docs/screenshots/first-hour');
export const LANGUAGES = { 'en-US': 'English', 'zh-CN': '中文' } as const;

const START = '<!-- screenshots:start -->';
const END = '<!-- screenshots:end -->';
const FIRST_HOUR_START = '<!-- first-hour:start -->';
const FIRST_HOUR_END = '<!-- first-hour:end -->';

/** `<position>-<tab id>.<language>.png`, so that the README lists tabs in the panel's order. */
export const screenshotName = (index: number, tabId: string, lang: string) => `${index + 1}-${tabId}.${lang}.png`;
/** `<position>-<step>.<language>.png` in the first hour's folder. */
export const firstHourName = (index: number, step: string, lang: string) => `${index + 1}-${step}.${lang}.png`;

/** Pictures of a folder by name (`1-checklist`) and the languages each was taken in. */
function picturesOf(dir: string): Map<string, Set<string>> {
  const pictures = new Map<string, Set<string>>();
  for (const file of readdirSync(dir).sort((a, b) => parseInt(a) - parseInt(b))) {
    const match = /^(\d+-[\w-]+)\.([\w-]+)\.png$/.exec(file);
    if (!match) continue;
    pictures.set(match[1], (pictures.get(match[1]) ?? new Set()).add(match[2]));
  }
  return pictures;
}

/** Where this run retook the numbered series of `dir`, removes the pictures it did not take again. */
function removeLeftovers(dir: string) {
  const started = Number(process.env.SCREENSHOTS_STARTED ?? NaN);
  if (!Number.isFinite(started)) return;
  const series = readdirSync(dir).filter((file) => /^\d+-[\w-]+\.[\w-]+\.png$/.test(file));
  const taken = (file: string) => statSync(join(dir, file)).mtimeMs >= started;
  if (!series.some(taken)) return;
  for (const file of series) if (!taken(file)) rmSync(join(dir, file));
}

/** Replaces what stands between `start` and `end` in the README text. */
function replaceSection(readme: string, start: string, end: string, content: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`README.md has no ${start} … ${end} section`);
  return `${readme.slice(0, from + start.length)}\n${content}\n${readme.slice(to)}`;
}

/** Puts one row per tab, a picture in each language, into the README's screenshots section; and the first hour's steps into theirs. */
export default function writeReadmeSection() {
  const languages = Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[];
  const title = (name: string) => name.replace(/^\d+-/, '').replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const table = (heading: string, dir: string, what: string) => {
    const pictures = picturesOf(dir);
    if (pictures.size === 0) throw new Error(`No ${what} screenshot was taken; the README is left as it was.`);
    for (const [name, langs] of pictures) {
      const missing = languages.filter((lang) => !langs.has(lang));
      if (missing.length) throw new Error(`No ${missing.join(', ')} screenshot of ${name}; the README is left as it was.`);
    }
    const folder = dir.slice(resolve('.').length + 1);
    const rows = [...pictures.keys()].map(
      (name) => `| ${title(name)} | ${languages.map((lang) => `<img src="${folder}/${name}.${lang}.png" width="360" alt="${title(name)} (${LANGUAGES[lang]})">`).join(' | ')} |`,
    );
    return [`| ${heading} | ${languages.map((lang) => LANGUAGES[lang]).join(' | ')} |`, `|---|${languages.map(() => '---').join('|')}|`, ...rows].join('\n');
  };
  removeLeftovers(SCREENSHOTS_DIR);
  removeLeftovers(FIRST_HOUR_DIR);
  let readme = readFileSync('README.md', 'utf8');
  readme = replaceSection(readme, START, END, table('Tab', SCREENSHOTS_DIR, 'tab'));
  readme = replaceSection(readme, FIRST_HOUR_START, FIRST_HOUR_END, table('Step', FIRST_HOUR_DIR, 'first-hour'));
  writeFileSync('README.md', readme);
}
