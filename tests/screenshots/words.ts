import { parseYAML } from 'confbox';
import { readFileSync } from 'node:fs';

const messages = (lang: string) => parseYAML(readFileSync(`locales/${lang}.yml`, 'utf8')) as Record<string, string>;

/** The UI's words for the English names of the automation contract, in the panel's language. */
export function wordsOf(uiLanguage: string) {
  if (!uiLanguage.startsWith('zh')) return (english: string) => english;
  const [en, zh] = [messages('en'), messages('zh_CN')];
  return (english: string) => {
    const key = Object.keys(en).find((k) => en[k] === english);
    if (!key) throw new Error(`No message says "${english}"`);
    return zh[key];
  };
}

