import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SCREENSHOTS_DIR = resolve('docs/screenshots');
export const LANGUAGES = { 'en-US': 'English', 'zh-CN': '中文' } as const;

const START = '<!-- screenshots:start -->';
const END = '<!-- screenshots:end -->';

/** `<position>-<tab id>.<language>.png`, so that the README lists tabs in the panel's order. */
export const screenshotName = (index: number, tabId: string, lang: string) => `${index + 1}-${tabId}.${lang}.png`;

/** Puts one row per tab, a picture in each language, into the README's screenshots section. */
export default function writeReadmeSection() {
  const tabs = new Map<string, Set<string>>();
  for (const file of readdirSync(SCREENSHOTS_DIR).sort((a, b) => parseInt(a) - parseInt(b))) {
    const match = /^(\d+-[\w-]+)\.([\w-]+)\.png$/.exec(file);
    if (!match) continue;
    tabs.set(match[1], (tabs.get(match[1]) ?? new Set()).add(match[2]));
  }
  const languages = Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[];
  for (const [tab, langs] of tabs) {
    const missing = languages.filter((lang) => !langs.has(lang));
    if (missing.length) throw new Error(`No ${missing.join(', ')} screenshot of the ${tab} tab; the README is left as it was.`);
  }
  if (tabs.size === 0) throw new Error('No screenshot was taken; the README is left as it was.');
  const title = (tab: string) => tab.replace(/^\d+-/, '').replace(/^./, (c) => c.toUpperCase());
  const rows = [...tabs.keys()].map(
    (tab) =>
      `| ${title(tab)} | ${languages
        .map((lang) => `<img src="docs/screenshots/${tab}.${lang}.png" width="360" alt="${title(tab)} tab (${LANGUAGES[lang]})">`)
        .join(' | ')} |`,
  );
  const table = [`| Tab | ${languages.map((lang) => LANGUAGES[lang]).join(' | ')} |`, `|---|${languages.map(() => '---').join('|')}|`, ...rows].join('\n');
  const readme = readFileSync('README.md', 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < 0) throw new Error(`README.md has no ${START} … ${END} section`);
  writeFileSync('README.md', `${readme.slice(0, from + START.length)}\n${table}\n${readme.slice(to)}`);
}
