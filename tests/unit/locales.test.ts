import { parseYAML } from 'confbox';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LANGUAGES = ['en', 'zh_CN'];
const messages = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, parseYAML(readFileSync(`locales/${lang}.yml`, 'utf8')) as Record<string, string>]),
);

/** Every `i18n.t('key'…)` in the extension's own code. */
function keysUsedInCode(): Set<string> {
  const used = new Set<string>();
  for (const dir of ['components', 'entrypoints', 'utils']) {
    for (const file of readdirSync(dir, { recursive: true }) as string[]) {
      if (!/\.(ts|tsx)$/.test(file)) continue;
      const source = readFileSync(join(dir, file), 'utf8');
      for (const match of source.matchAll(/i18n\.t\(\s*'([A-Za-z0-9_]+)'/g)) used.add(match[1]);
    }
  }
  return used;
}

const substitutions = (text: string) => [...text.matchAll(/\$(\d)/g)].map((m) => m[1]).sort().join(',');

describe('locales', () => {
  it('have the same keys in every language', () => {
    const [first, ...others] = LANGUAGES;
    for (const lang of others) expect(Object.keys(messages[lang]).sort()).toEqual(Object.keys(messages[first]).sort());
  });

  it('use the same substitutions in every language', () => {
    for (const key of Object.keys(messages.en)) {
      for (const lang of LANGUAGES) expect(substitutions(String(messages[lang][key])), `${lang}.${key}`).toBe(substitutions(String(messages.en[key])));
    }
  });

  it('hold every key the code asks for, and no key it never asks for', () => {
    const used = keysUsedInCode();
    const manifestKeys = [...readFileSync('wxt.config.ts', 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]);
    for (const key of used) expect(messages.en, `missing key ${key}`).toHaveProperty(key);
    for (const key of Object.keys(messages.en)) expect(used.has(key) || manifestKeys.includes(key), `unused key ${key}`).toBe(true);
  });

  it('read every message whole, as written on its line (YAML takes ` #` for a comment)', () => {
    for (const lang of LANGUAGES) {
      for (const line of readFileSync(`locales/${lang}.yml`, 'utf8').split('\n')) {
        const match = /^([A-Za-z0-9_]+): (.*)$/.exec(line);
        if (!match || /^["']/.test(match[2])) continue;
        expect(String(messages[lang][match[1]]), `${lang}.${match[1]}`).toBe(match[2].trim());
      }
    }
  });

  it('leave no message empty', () => {
    for (const lang of LANGUAGES) for (const [key, text] of Object.entries(messages[lang])) expect(String(text).trim(), `${lang}.${key}`).not.toBe('');
  });
});
