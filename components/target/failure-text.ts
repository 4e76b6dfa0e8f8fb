import type { Failure } from '@/protocol/messages';
import type { PanelFailure } from './useTabEditors';
import { i18n } from '#i18n';

/** What to tell the user when a request about the target editor failed. */
export function failureText(failure: Failure | PanelFailure): string {
  switch (failure.reason) {
    case 'detached':
    case 'not-found':
      return i18n.t('editorLeftPage');
    case 'refused':
      return i18n.t('editorRefused');
    case 'stale':
      return i18n.t('documentChanged');
    case 'composing':
      return i18n.t('editorComposing');
    case 'unreachable':
      return i18n.t('pageDidNotAnswer');
    case 'unchecked':
      return i18n.t('siteUnchecked');
    case 'cancelled':
      return i18n.t('insertCancelled');
    case 'no-target':
    case 'no-tab':
      return i18n.t('noEditorFound');
  }
}
