import { useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { pullTeam, subscribeTeam, unsubscribeTeam, type TeamChanges } from '@/utils/sync/team';
import type { TeamSubscription } from '@/utils/sync/sync-store';
import { ActionStatus, useActionStatus } from '../common/action-status';
import { useDraft } from '../common/useDraft';
import { reasonText } from './reason-text';
import { useServerAccount } from './ServerFields';
import { syncDeps } from './useSync';

const SHOWN_TITLES = 5;

/** What a team update brought, in one sentence with the titles. */
function changesText(changes: TeamChanges): string {
  // A first update can bring a whole library: the first few by name, then how many more.
  const titles = (items: { title: string }[]) => {
    const named = items.slice(0, SHOWN_TITLES).map((item) => `“${item.title}”`).join(i18n.t('listSeparator'));
    return items.length > SHOWN_TITLES ? i18n.t('teamAndMore', [named, String(items.length - SHOWN_TITLES)]) : named;
  };
  const parts = [
    changes.added.length ? i18n.t('teamAdded', [titles(changes.added)]) : '',
    changes.updated.length ? i18n.t('teamUpdated', [titles(changes.updated)]) : '',
    changes.removed.length ? i18n.t('teamRemoved', [titles(changes.removed)]) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : i18n.t('teamNoChanges');
}

/**
 * Team folders the user reads from: subscribe (the server's address asked for as a permission
 * in that click), update now with what changed listed, and leave. Items from a team are the
 * team's; an edit to one here becomes a personal copy.
 */
export function TeamLibraries({ teams, onChanged }: { teams: TeamSubscription[]; onChanged: () => void }) {
  const status = useActionStatus();
  const [name, setName] = useDraft('settings.team-name', '');
  const server = useServerAccount('settings.team');
  const [busy, setBusy] = useState(false);

  const subscribe = async (event: FormEvent) => {
    event.preventDefault();
    const asked = name.trim() ? await server.ask(i18n.t('teamMissing')) : { problem: i18n.t('teamMissing') };
    if ('problem' in asked) {
      status.report(asked.problem, 'error', { where: 'form' });
      return;
    }
    setBusy(true);
    try {
      const outcome = await subscribeTeam(syncDeps(), { name: name.trim(), ...asked.account });
      if (!outcome.ok) {
        status.report(i18n.t('teamFailed', [reasonText(outcome.reason)]), 'error', { where: 'form' });
        return;
      }
      setName('');
      server.clear();
      onChanged();
      status.report(changesText(outcome.changes), 'ok', { where: outcome.subscription.id });
    } finally {
      setBusy(false);
    }
  };

  const update = async (team: TeamSubscription) => {
    const outcome = await pullTeam(syncDeps(), team.id);
    onChanged();
    status.report(outcome.ok ? changesText(outcome.changes) : i18n.t('teamFailed', [reasonText(outcome.reason)]), outcome.ok ? 'ok' : 'error', { where: team.id });
  };

  const leave = async (team: TeamSubscription) => {
    await unsubscribeTeam(syncDeps(), team.id);
    onChanged();
    status.report(i18n.t('teamLeft', [team.name]), 'ok', { where: 'form' });
  };

  return (
    <div className="sync-teams">
      <h4>{i18n.t('teamHeading')}</h4>
      <p className="hint">{i18n.t('teamHint')}</p>
      {teams.length > 0 && (
        <ul aria-label={i18n.t('teamHeading')}>
          {teams.map((team) => (
            <li key={team.id}>
              <span className="sync-conflict-name">
                {team.name}
                {team.readOnly && <span className="sync-badge">{i18n.t('teamReadOnly')}</span>}
              </span>
              <span className="hint">
                {team.status.lastSyncAt ? i18n.t('teamLastUpdate', [new Date(team.status.lastSyncAt).toLocaleString()]) : i18n.t('syncNever')}
              </span>
              <span className="sync-actions">
                <button type="button" onClick={() => void update(team)}>
                  {i18n.t('teamUpdate')}
                </button>
                <button type="button" className="quiet" onClick={() => void leave(team)}>
                  {i18n.t('teamLeave')}
                </button>
              </span>
              <ActionStatus of={status} where={team.id} />
            </li>
          ))}
        </ul>
      )}
      <form className="sync-form" aria-label={i18n.t('teamSubscribe')} onSubmit={(event) => void subscribe(event)}>
        <label>
          {i18n.t('teamName')}
          <input type="text" value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        {server.fields}
        <div className="sync-actions">
          <button type="submit" disabled={busy}>
            {i18n.t('teamSubscribe')}
          </button>
        </div>
        <ActionStatus of={status} where="form" />
      </form>
    </div>
  );
}
