import { i18n } from '#i18n';
import type { SyncReason } from '@/utils/sync/errors';

/** A sync failure in plain words, for the sentence "The last sync did not finish: …". */
export function reasonText(reason: SyncReason): string {
  switch (reason) {
    case 'not-configured':
      return i18n.t('syncReasonNotConfigured');
    case 'unauthorized':
      return i18n.t('syncReasonUnauthorized');
    case 'forbidden':
      return i18n.t('syncReasonForbidden');
    case 'read-only':
      return i18n.t('syncReasonReadOnly');
    case 'not-found':
      return i18n.t('syncReasonNotFound');
    case 'insufficient-storage':
      return i18n.t('syncReasonFull');
    case 'unreachable':
      return i18n.t('syncReasonUnreachable');
    case 'timeout':
      return i18n.t('syncReasonTimeout');
    case 'conflict-retry-exhausted':
      return i18n.t('syncReasonBusy');
    case 'bad-data':
      return i18n.t('syncReasonBadData');
    case 'unsendable':
      return i18n.t('syncReasonUnsendable');
    case 'newer-format':
      return i18n.t('syncReasonNewer');
    case 'server-error':
      return i18n.t('syncReasonServer');
    case 'local-error':
      return i18n.t('syncReasonLocal');
  }
}
