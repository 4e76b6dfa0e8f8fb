import type { PlaceholderKind } from '@/utils/report/placeholders';
import { i18n } from '#i18n';

/** What each kind of placeholder is called in the panel: the checklist and the rule settings. */
export const KIND_NAMES: Record<PlaceholderKind, string> = {
  year: i18n.t('kindYear'),
  date: i18n.t('kindDate'),
  time: i18n.t('kindTime'),
  count: i18n.t('kindCount'),
  amount: i18n.t('kindAmount'),
  percent: i18n.t('kindPercent'),
  number: i18n.t('kindNumber'),
  phone: i18n.t('kindPhone'),
  place: i18n.t('kindPlace'),
  name: i18n.t('kindName'),
  named: i18n.t('kindNamed'),
  field: i18n.t('kindField'),
  instruction: i18n.t('kindInstruction'),
  sign: i18n.t('kindSign'),
  tickbox: i18n.t('kindTickbox'),
  free: i18n.t('kindFree'),
};
