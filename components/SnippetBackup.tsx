import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { applyImport, exportBackup, MAX_BACKUP_CHARS, parseBackup, planImport, type BackupProblem, type ImportPlan } from '@/utils/db/backup';
import { database } from '@/utils/db/database';
import { sanitizeHtml } from '@/utils/sanitize';
import { DEFAULT_TRIGGER, isTriggerKey, TRIGGER_KEYS, type TriggerKey } from '@/utils/snippets/record';
import { setTriggerKey, triggerKey } from '@/utils/snippets/store';
import { i18n } from '#i18n';

interface Props {
  /** Snippets ticked in the list: export those alone when there are some. */
  selectedIds: readonly string[];
  onStatus(text: string, tone: 'ok' | 'error'): void;
}

const TRIGGER_NAMES: Record<TriggerKey, string> = {
  Tab: i18n.t('keyTab'),
  ' ': i18n.t('keySpace'),
  Enter: i18n.t('keyEnter'),
};

const TABLE_NAMES: Record<keyof ImportPlan, string> = {
  snippets: i18n.t('backupSnippets'),
  templates: i18n.t('backupTemplates'),
  placeholderRules: i18n.t('backupRules'),
};

function problemText(problem: BackupProblem): string {
  switch (problem.kind) {
    case 'too-large':
      return i18n.t('backupTooLarge');
    case 'not-json':
      return i18n.t('backupNotJson');
    case 'not-backup':
      return i18n.t('backupNotOurs');
    case 'version':
      return i18n.t('backupVersion', [problem.found]);
    case 'invalid':
      return i18n.t('backupInvalid', [problem.where || '/', problem.message]);
    case 'duplicate-id':
      return i18n.t('backupDuplicateId', [TABLE_NAMES[problem.table], problem.id]);
  }
}

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Asks the browser to keep the database when space runs low; null until it has answered. */
function usePersistentStorage(): boolean | null {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    const storage = navigator.storage;
    void (async () => {
      const granted = (await storage?.persisted?.()) || (await storage?.persist?.()) || false;
      if (live) setPersisted(granted);
    })();
    return () => {
      live = false;
    };
  }, []);
  return persisted;
}

/** Export and import of the whole library, persistent storage, and the abbreviation key. */
export function SnippetBackup({ selectedIds, onStatus }: Props) {
  const persisted = usePersistentStorage();
  const trigger = useLiveQuery(() => triggerKey(database()), []);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const exportNow = async () => {
    const ids = selectedIds.length ? selectedIds : undefined;
    const text = await exportBackup(database(), { snippetIds: ids });
    download(text, `report-snippets-${new Date().toISOString().slice(0, 10)}.json`);
    onStatus(ids ? i18n.t('backupExportedSelected', [String(ids.length)]) : i18n.t('backupExported'), 'ok');
  };

  const readFile = async (file: File) => {
    setPlan(null);
    setProblem('');
    // Not even read when far too big: a character takes at most 4 bytes of the file.
    if (file.size > MAX_BACKUP_CHARS * 4) {
      setProblem(problemText({ kind: 'too-large' }));
      return;
    }
    setBusy(true);
    try {
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) setProblem(problemText(parsed.problem));
      else setPlan(await planImport(database(), parsed.backup, sanitizeHtml));
    } finally {
      setBusy(false);
    }
  };

  const importNow = async () => {
    if (!plan) return;
    setBusy(true);
    try {
      await applyImport(database(), plan);
      const count = Object.values(plan).reduce((n, table) => n + table.added.length + table.changed.length, 0);
      onStatus(i18n.t('backupImported', [String(count)]), 'ok');
      setPlan(null);
    } catch (error) {
      setProblem(i18n.t('backupImportFailed', [String(error)]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {/* A refusal is shown at once, not folded away: the user should know to keep backups. */}
      {persisted === false && (
        <p className="storage-note warn" role="note">
          {i18n.t('storageRefused')}
        </p>
      )}
      <details className="snippet-backup">
        <summary>{i18n.t('backupHeading')}</summary>
        {persisted !== false && (
          <p className="storage-note" role="note">
            {persisted ? i18n.t('storagePersistent') : i18n.t('storageAsking')}
          </p>
        )}
        <div className="backup-actions">
          <button type="button" onClick={() => void exportNow()}>
            {selectedIds.length ? i18n.t('backupExportSelected', [String(selectedIds.length)]) : i18n.t('backupExportAll')}
          </button>
          <label className="file-button">
            {i18n.t('backupImport')}
            <input
              type="file"
              accept="application/json,.json"
              disabled={busy}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void readFile(file);
              }}
            />
          </label>
        </div>
        {problem && (
          <p className="snippet-problem" role="alert">
            {problem}
          </p>
        )}
        {plan && (
          <div className="import-plan" role="group" aria-label={i18n.t('backupPreview')}>
            <table>
              <thead>
                <tr>
                  <th />
                  <th>{i18n.t('backupNew')}</th>
                  <th>{i18n.t('backupChanged')}</th>
                  <th>{i18n.t('backupSame')}</th>
                </tr>
              </thead>
              <tbody>
                {(Object.keys(TABLE_NAMES) as (keyof ImportPlan)[]).map((table) => (
                  <tr key={table}>
                    <th scope="row">{TABLE_NAMES[table]}</th>
                    <td>{plan[table].added.length}</td>
                    <td>{plan[table].changed.length}</td>
                    <td>{plan[table].same}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {plan.snippets.changed.length > 0 && <p className="snippet-hint">{i18n.t('backupChangedNote')}</p>}
            <div className="backup-actions">
              <button type="button" disabled={busy} onClick={() => void importNow()}>
                {i18n.t('backupImportConfirm')}
              </button>
              <button type="button" onClick={() => setPlan(null)}>
                {i18n.t('snippetCancel')}
              </button>
            </div>
          </div>
        )}
        <label className="trigger-key">
          <span>{i18n.t('triggerKeyLabel')}</span>
          <select
            value={trigger ?? DEFAULT_TRIGGER}
            onChange={(event) => {
              if (isTriggerKey(event.target.value)) void setTriggerKey(database(), event.target.value);
            }}
          >
            {TRIGGER_KEYS.map((key) => (
              <option key={key} value={key}>
                {TRIGGER_NAMES[key]}
              </option>
            ))}
          </select>
        </label>
        <p className="snippet-hint">{i18n.t('triggerKeyHint')}</p>
      </details>
    </>
  );
}
