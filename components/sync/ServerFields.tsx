import { useState } from 'react';
import { i18n } from '#i18n';
import type { ServerAccount } from '@/utils/sync/sync-store';
import { useDraft } from '../common/useDraft';
import { originPattern } from './useSync';

/**
 * A WebDAV folder's address, user name and app password, as the user's own sync and a team
 * subscription both ask for them. The address and user are drafts; the password is not (drafts
 * live in the panel's storage, the password only in sync's own).
 */
export function useServerAccount(draftKey: string) {
  const [url, setUrl] = useDraft(`${draftKey}-url`, '');
  const [user, setUser] = useDraft(`${draftKey}-user`, '');
  const [password, setPassword] = useState('');

  /**
   * The account typed in, with the server's address granted as a permission in this click; or
   * what is wrong, in plain words. `missing` names what else the form needs.
   */
  const ask = async (missing: string): Promise<{ account: ServerAccount } | { problem: string }> => {
    const address = url.trim();
    const origin = originPattern(address);
    if (!origin) return { problem: i18n.t('syncBadAddress') };
    if (!user.trim() || !password) return { problem: missing };
    if (!(await browser.permissions.request({ origins: [origin] }).catch(() => false))) {
      return { problem: i18n.t('syncPermissionRefused', [new URL(address).host]) };
    }
    return { account: { url: address.endsWith('/') ? address : `${address}/`, user: user.trim(), password } };
  };
  const clear = () => {
    setUrl('');
    setUser('');
    setPassword('');
  };
  const fields = (
    <>
      <label>
        {i18n.t('syncAddress')}
        <input type="url" value={url} placeholder="https://dav.jianguoyun.com/dav/reports/" onChange={(event) => setUrl(event.target.value)} />
      </label>
      <label>
        {i18n.t('syncUser')}
        <input type="text" autoComplete="username" value={user} onChange={(event) => setUser(event.target.value)} />
      </label>
      <label>
        {i18n.t('syncPassword')}
        <input type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
      </label>
    </>
  );
  return { fields, ask, clear };
}
