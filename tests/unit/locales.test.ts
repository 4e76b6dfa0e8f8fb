import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const LANGUAGES = ['en', 'zh_CN'];
/** The BCP 47 tag of each locale file, for its plural rules. */
const TAGS: Record<string, string> = { en: 'en', zh_CN: 'zh-CN' };

const sourceOf = (lang: string) => readFileSync(`locales/${lang}.yml`, 'utf8');

/**
 * The messages of a locale file read as a person reads it, line by line: `key: text`, the text
 * as written (a quoted text unquoted). Also the lines a YAML parser would read differently
 * from how they look, with the reason.
 */
function readByLine(source: string): { texts: Map<string, string>; problems: string[] } {
  const texts = new Map<string, string>();
  const problems: string[] = [];
  source.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const where = `line ${index + 1}: ${line}`;
    if (line.trim() === '' || line.startsWith('#')) return;
    const match = /^([A-Za-z0-9_]+): (.*)$/.exec(line);
    if (!match) return problems.push(`${where} — not "key: text" on one line`);
    const [, key, value] = match;
    if (texts.has(key)) problems.push(`${where} — key given twice`);
    if (value.startsWith('"')) {
      if (!/^"(?:[^"\\]|\\.)*"$/.test(value)) return problems.push(`${where} — the double quotes do not hold the whole text`);
      texts.set(key, JSON.parse(value) as string);
    } else if (value.startsWith("'")) {
      if (!/^'(?:[^']|'')*'$/.test(value)) return problems.push(`${where} — the single quotes do not hold the whole text`);
      texts.set(key, value.slice(1, -1).replace(/''/g, "'"));
    } else {
      // Plain YAML text ends at ` #` (a comment) and at `: ` (a mapping); an indicator at its
      // start, a trailing space or a value YAML reads as a number or boolean changes it too.
      if (value.includes(' #')) problems.push(`${where} — " #" starts a YAML comment: quote the text`);
      if (value.includes(': ') || value.endsWith(':')) problems.push(`${where} — ": " starts a YAML mapping: quote the text`);
      if (/^[-?:,[\]{}#&*!|>%@`]/.test(value)) problems.push(`${where} — YAML reads its first character as syntax: quote the text`);
      if (/\s$/.test(value)) problems.push(`${where} — YAML drops the trailing space: quote the text`);
      if (/^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*)?(?:\.\d+)?(?:e[-+]?\d+)?|0x[\da-f]+)$/i.test(value)) {
        problems.push(`${where} — YAML reads it as a number, boolean or null: quote the text`);
      }
      texts.set(key, value);
    }
  });
  return { texts, problems };
}

const byLine = Object.fromEntries(LANGUAGES.map((lang) => [lang, readByLine(sourceOf(lang))]));
const texts = (lang: string) => byLine[lang].texts;

/** A count message has one key per plural form of its language: `outlineProblems_one`, `outlineProblems_other`. */
const PLURAL_KEY = /^(.+)_(zero|one|two|few|many|other)$/;
const pluralCategories = (lang: string) => new Intl.PluralRules(TAGS[lang]).resolvedOptions().pluralCategories as string[];
const plainKeys = (lang: string) => [...texts(lang).keys()].filter((key) => !PLURAL_KEY.test(key));
const countKeys = (lang: string) => new Set([...texts(lang).keys()].flatMap((key) => PLURAL_KEY.exec(key)?.[1] ?? []));

/** Every message key the extension's own code asks for, in each language. */
function keysUsedInCode(lang: string): Set<string> {
  const used = new Set<string>();
  for (const dir of ['components', 'entrypoints', 'utils']) {
    for (const file of readdirSync(dir, { recursive: true }) as string[]) {
      if (!/\.(ts|tsx)$/.test(file)) continue;
      const source = readFileSync(join(dir, file), 'utf8');
      for (const match of source.matchAll(/i18n\.t\(\s*'([A-Za-z0-9_]+)'/g)) used.add(match[1]);
      for (const match of source.matchAll(/countText\(\s*'([A-Za-z0-9]+)'/g)) {
        for (const category of pluralCategories(lang)) used.add(`${match[1]}_${category}`);
      }
    }
  }
  return used;
}

const substitutions = (text: string) => [...text.matchAll(/\$(\d)/g)].map((m) => m[1]).sort().join(',');
const firstForm = (lang: string, base: string) => texts(lang).get(`${base}_other`) ?? '';

/** messages.json as WXT writes it, through its own loader of the YAML files. */
const built: Record<string, Record<string, { message: string }>> = {};
beforeAll(async () => {
  for (const lang of LANGUAGES) built[lang] = generateChromeMessages(await parseMessagesFile(`locales/${lang}.yml`));
});

describe('locales', () => {
  it('read as they look: one "key: text" a line, quoted wherever YAML would read the text otherwise', () => {
    for (const lang of LANGUAGES) expect(byLine[lang].problems, lang).toEqual([]);
  });

  it('build into messages.json with every text whole, exactly as written in the source', () => {
    for (const lang of LANGUAGES) {
      const messages = Object.fromEntries(Object.entries(built[lang]).map(([key, value]) => [key, value.message]));
      expect(messages, lang).toEqual(Object.fromEntries(texts(lang)));
    }
  });

  // A build at hand (OUTPUT_DIR, or the default folder) is checked too: it is what the browser loads.
  const outputs = [process.env.OUTPUT_DIR, '.output'].filter((dir): dir is string => !!dir && existsSync(join(dir, 'chrome-mv3', '_locales')));
  it.runIf(outputs.length > 0)('are what the built extension holds', () => {
    for (const lang of LANGUAGES) {
      const file = JSON.parse(readFileSync(join(outputs[0], 'chrome-mv3', '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      for (const [key, text] of texts(lang)) expect(file[key]?.message, `${lang}.${key} in ${outputs[0]}`).toBe(text);
    }
  });

  it('have the same messages in every language, count messages in the plural forms of each', () => {
    const [first, ...others] = LANGUAGES;
    for (const lang of others) {
      expect(plainKeys(lang).sort(), lang).toEqual(plainKeys(first).sort());
      expect([...countKeys(lang)].sort(), lang).toEqual([...countKeys(first)].sort());
    }
    for (const lang of LANGUAGES) {
      for (const base of countKeys(lang)) {
        const forms = [...texts(lang).keys()].filter((key) => PLURAL_KEY.exec(key)?.[1] === base).map((key) => PLURAL_KEY.exec(key)![2]);
        expect(forms.sort(), `${lang}.${base}`).toEqual([...pluralCategories(lang)].sort());
      }
    }
  });

  it('use the same substitutions in every language and every plural form', () => {
    for (const key of plainKeys('en')) {
      for (const lang of LANGUAGES) expect(substitutions(texts(lang).get(key)!), `${lang}.${key}`).toBe(substitutions(texts('en').get(key)!));
    }
    for (const base of countKeys('en')) {
      for (const lang of LANGUAGES) {
        for (const category of pluralCategories(lang)) {
          expect(substitutions(texts(lang).get(`${base}_${category}`) ?? ''), `${lang}.${base}_${category}`).toBe(substitutions(firstForm('en', base)));
        }
      }
    }
  });

  it('hold every key the code asks for, and no key it never asks for', () => {
    const manifestKeys = [...readFileSync('wxt.config.ts', 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]);
    for (const lang of LANGUAGES) {
      const used = keysUsedInCode(lang);
      for (const key of used) expect(texts(lang).has(key), `${lang}: missing key ${key}`).toBe(true);
      for (const key of texts(lang).keys()) expect(used.has(key) || manifestKeys.includes(key), `${lang}: unused key ${key}`).toBe(true);
    }
  });

  it('write a dollar sign the browser shows as $$ (alone, $ starts a substitution and is dropped)', () => {
    for (const lang of LANGUAGES) {
      for (const [key, text] of texts(lang)) expect(text.replace(/\$\$|\$\d/g, ''), `${lang}.${key}`).not.toContain('$');
    }
  });

  it('leave no message empty', () => {
    for (const lang of LANGUAGES) for (const [key, text] of texts(lang)) expect(text.trim(), `${lang}.${key}`).not.toBe('');
  });

  it('write Chinese with Chinese spacing: no space between Chinese and quotes, brackets or a substituted name', () => {
    const HAN = '\\u3400-\\u9fff\\uff00-\\uffef\\u3000-\\u303f';
    const wrong = new RegExp(`[${HAN}] +[“”‘’]|[“”‘’] +[${HAN}]|[${HAN}] +[（）【】「」]|[（）【】「」] +[${HAN}]`);
    for (const [key, text] of texts('zh_CN')) expect(text, `zh_CN.${key}`).not.toMatch(wrong);
  });

  it('name the snippet library with one term in Chinese', () => {
    for (const [key, text] of texts('zh_CN')) {
      expect(text, `zh_CN.${key}`).not.toMatch(/常用语|常用片段|片段/);
      // 文段 alone is the same thing half named: always 常用文段.
      expect(text.replace(/常用文段/g, ''), `zh_CN.${key}`).not.toMatch(/文段/);
    }
  });
});
