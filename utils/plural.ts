/**
 * Messages about a count, in the plural forms of the panel's language: a count message has one
 * key per form its language has (`outlineProblems_one`, `outlineProblems_other` in English;
 * `outlineProblems_other` alone in Chinese, which has a single form).
 */
import { i18n, type GeneratedI18nStructure } from '#i18n';

type MessageKey = keyof GeneratedI18nStructure & string;
/** The base of every count message: `outlineProblems` for `outlineProblems_other`. */
export type CountKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** The plural form `count` takes in `language` (a BCP 47 tag). */
export function pluralForm(language: string, count: number): Intl.LDMLPluralRule {
  // Made once per language: making one costs far more than asking it.
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return rules.select(count);
}
const pluralRules = new Map<string, Intl.PluralRules>();

let language: string | undefined;

/**
 * The message `key` in the form `count` takes, with `substitutions` as `i18n.t` takes them.
 * The language is the one the messages are in (their `languageTag`), so a browser language the
 * extension has no messages for counts as the fallback's.
 */
export function countText(key: CountKey, count: number, substitutions: (string | number)[]): string {
  language ??= i18n.t('languageTag');
  const form = pluralForm(language, count);
  const t = i18n.t as (key: string, substitutions: string[]) => string;
  const values = substitutions.map(String);
  return (form !== 'other' && t(`${key}_${form}`, values)) || t(`${key}_other`, values);
}
