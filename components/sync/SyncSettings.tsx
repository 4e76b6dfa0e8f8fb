import { useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { countText } from '@/utils/plural';
import { checkFolder, resolveConflict, setPersonalServer, type ConflictChoice, type ConflictView } from '@/utils/sync/sync-engine';
import { ActionStatus, useActionStatus } from '../common/action-status';
import { reasonText } from './reason-text';
import { TeamLibraries } from './TeamLibraries';
import { useServerAccount } from './ServerFields';
import { syncDeps, useSync } from './useSync';
import './sync.css';

/** What a conflict is about, by the record's own name. */
function conflictName(conflict: ConflictView): string {
  const record = conflict.local ?? conflict.remote;
  const name = record.title ?? record.name ?? record.id;
  return typeof name === 'string' && name ? name : conflict.id;
}

/**
 * Sync through the user's own WebDAV folder: set up (the server's address is asked for as a
 * permission only now), the last good sync and the last failure in plain words, sync now, stop,
 * and the records changed on two computers, for the user to choose.
 */
export function SyncSettings() {
  const { config, conflicts, running, syncNow, reread } = useSync();
  const status = useActionStatus();
  const server = useServerAccount('settings.sync');
  const [busy, setBusy] = useState(false);

  const report = (outcome: Awaited<ReturnType<typeof syncNow>>) => {
    if (outcome.ok) {
      const done = i18n.t('syncDone', [String(outcome.received), String(outcome.sent)]);
      status.report(outcome.heldBack ? `${done} ${countText('syncHeldBack', outcome.heldBack, [String(outcome.heldBack)])}` : done, 'ok');
    } else status.report(i18n.t('syncFailedNow', [reasonText(outcome.reason)]), 'error');
  };

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    const asked = await server.ask(i18n.t('syncMissing'));
    if ('problem' in asked) {
      status.report(asked.problem, 'error');
      return;
    }
    setBusy(true);
    try {
      const problem = await checkFolder(syncDeps(), asked.account);
      if (problem) {
        status.report(i18n.t('syncFailedNow', [reasonText(problem)]), 'error');
        return;
      }
      await setPersonalServer(syncDeps(), asked.account);
      server.clear();
      report(await syncNow());
    } finally {
      setBusy(false);
    }
  };

  const stop = async () => {
    await setPersonalServer(syncDeps(), null);
    reread();
    status.report(i18n.t('syncStopped'), 'ok');
  };

  const choose = async (conflict: ConflictView, choice: ConflictChoice) => {
    const done = await resolveConflict(syncDeps(), conflict.key, choice);
    reread();
    if (done.ok) report(await syncNow());
    else status.report(i18n.t('syncConflictGone'), 'error');
  };

  const personal = config?.personal;
  const failedLast = personal?.status.lastFailure && personal.status.lastFailure.at > (personal.status.lastSyncAt ?? 0) ? personal.status.lastFailure : null;

  return (
    <section className="sync" aria-labelledby="sync-heading">
      <h3 id="sync-heading">{i18n.t('syncHeading')}</h3>
      <p className="hint">{i18n.t('syncHint')}</p>
      {config && !personal && (
        <form className="sync-form" aria-label={i18n.t('syncSetUp')} onSubmit={(event) => void connect(event)}>
          {server.fields}
          <div className="sync-actions">
            <button type="submit" disabled={busy}>
              {i18n.t('syncConnect')}
            </button>
          </div>
          <ActionStatus of={status} />
        </form>
      )}
      {personal && (
        <div className="sync-state">
          <p>{i18n.t('syncConnectedTo', [personal.url, personal.user])}</p>
          <p role="status" aria-label={i18n.t('syncLastLabel')}>
            {personal.status.lastSyncAt ? i18n.t('syncLastGood', [new Date(personal.status.lastSyncAt).toLocaleString()]) : i18n.t('syncNever')}
          </p>
          {failedLast && (
            <p className="fill-error" role="alert">
              {i18n.t('syncFailedLast', [reasonText(failedLast.reason), new Date(failedLast.at).toLocaleString()])}
            </p>
          )}
          <div className="sync-actions">
            <button type="button" disabled={running} onClick={() => void syncNow().then(report)}>
              {running ? i18n.t('syncRunning') : i18n.t('syncNow')}
            </button>
            <button type="button" className="quiet" onClick={() => void stop()}>
              {i18n.t('syncStop')}
            </button>
          </div>
          <ActionStatus of={status} />
        </div>
      )}
      {conflicts.length > 0 && (
        <div className="sync-conflicts">
          <h4>{i18n.t('syncConflictsHeading')}</h4>
          <p className="hint">{i18n.t('syncConflictsHint')}</p>
          <ul aria-label={i18n.t('syncConflictsHeading')}>
            {conflicts.map((conflict) => (
              <li key={conflict.key}>
                <span className="sync-conflict-name">
                  {conflictName(conflict)}
                  {!conflict.local && ` ${i18n.t('syncDeletedHere')}`}
                </span>
                <span className="sync-actions">
                  <button type="button" onClick={() => void choose(conflict, 'local')}>
                    {i18n.t('syncKeepHere')}
                  </button>
                  <button type="button" onClick={() => void choose(conflict, 'remote')}>
                    {i18n.t('syncKeepThere')}
                  </button>
                  {conflict.table !== 'settings' && conflict.local && (
                    <button type="button" onClick={() => void choose(conflict, 'both')}>
                      {i18n.t('syncKeepBoth')}
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {config && <TeamLibraries teams={config.teams} onChanged={reread} />}
      <p className="hint">{i18n.t('syncWhereKept')}</p>
    </section>
  );
}
