import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { database } from '@/utils/db/database';
import { publishToTeam, type TeamTable } from '@/utils/sync/team';
import type { TeamSubscription } from '@/utils/sync/sync-store';
import { ActionStatus, useActionStatus } from '../common/action-status';
import { reasonText } from './reason-text';
import { syncDeps, useSyncConfig } from './useSync';
import './sync.css';

/** The team a record came from. */
export interface TeamMark {
  subscription: string;
  name: string;
}

const NO_TEAMS: readonly TeamSubscription[] = [];

/** The team folders subscribed to, kept fresh. */
export function useTeams(): readonly TeamSubscription[] {
  return useSyncConfig().config?.teams ?? NO_TEAMS;
}

/** Which records of `table` are team items, and of which team, live as updates arrive. */
export function useTeamMarks(table: TeamTable, teams: readonly TeamSubscription[]): ReadonlyMap<string, TeamMark> {
  const ids = teams.map((team) => team.id).join('\n');
  const rows = useLiveQuery(
    () => (ids ? database().syncRecords.where('team.subscription').anyOf(ids.split('\n')).toArray() : []),
    [ids],
  );
  return useMemo(() => {
    const names = new Map(teams.map((team) => [team.id, team.name]));
    const marks = new Map<string, TeamMark>();
    for (const row of rows ?? []) {
      if (row.table !== table || row.deletedAt !== undefined || !row.team) continue;
      marks.set(row.id, { subscription: row.team.subscription, name: names.get(row.team.subscription) ?? '' });
    }
    return marks;
  }, [rows, table, teams]);
}

/** A team item's mark in a list: the team's name. */
export function TeamBadge({ mark }: { mark: TeamMark }) {
  return (
    <span className="team-badge" title={i18n.t('teamItemNote', [mark.name])}>
      {i18n.t('teamItemMark', [mark.name])}
    </span>
  );
}

interface TeamControlsProps {
  table: TeamTable;
  /** The saved record; unsaved changes are not published. */
  id: string;
  mark: TeamMark | undefined;
  teams: readonly TeamSubscription[];
  /** The form holds changes not yet saved. */
  unsaved?: boolean;
}

/**
 * In a record's editor: a team item says whose it is and what an edit does; a personal record
 * can be published to a team folder the user may write (the server decides who may).
 */
export function TeamControls({ table, id, mark, teams, unsaved }: TeamControlsProps) {
  const status = useActionStatus();
  const writable = teams.filter((team) => !team.readOnly);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  if (mark) {
    return (
      <p className="hint team-note" role="note">
        {i18n.t('teamItemNote', [mark.name])}
      </p>
    );
  }
  if (!writable.length) return null;
  const team = writable.find((t) => t.id === chosen) ?? writable[0];

  const publish = async () => {
    setBusy(true);
    try {
      const outcome = await publishToTeam(syncDeps(), team.id, table, id);
      status.report(outcome.ok ? i18n.t('teamPublished', [team.name]) : i18n.t('teamPublishFailed', [team.name, reasonText(outcome.reason)]), outcome.ok ? 'ok' : 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="team-publish">
      <div className="sync-actions">
        {writable.length > 1 && (
          <select aria-label={i18n.t('teamPublishTo')} value={team.id} onChange={(event) => setChosen(event.target.value)}>
            {writable.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
        <button type="button" disabled={busy || unsaved} title={unsaved ? i18n.t('teamPublishSaveFirst') : undefined} onClick={() => void publish()}>
          {writable.length > 1 ? i18n.t('teamPublish') : i18n.t('teamPublishOne', [team.name])}
        </button>
      </div>
      {unsaved && <p className="hint">{i18n.t('teamPublishSaveFirst')}</p>}
      <ActionStatus of={status} />
    </div>
  );
}
