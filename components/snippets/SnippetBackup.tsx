import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import {
  applyImport,
  exportBackup,
  MAX_BACKUP_CHARS,
  parseBackup,
  planImport,
  undoImport,
  type BackupProblem,
  type BackupTable,
  type ImportNote,
  type ImportPlan,
  type ImportUndo,
} from '@/utils/db/backup';
import { database } from '@/utils/db/database';
import { sanitizeHtml } from '@/utils/sanitize';
import { SETTING_KEYS } from '@/utils/db/settings';
import { ChangePreview, type PreviewItem } from '../common/ChangePreview';
import { TriggerKeySetting } from './TriggerKeySetting';
import { LibraryNotes } from './LibraryNotes';
import { LIBRARY_FILE_TYPES } from '@/utils/snippets/importers/file-types';
import type { LibraryImport } from '@/utils/snippets/importers';
import { ActionStatus, useActionStatus } from '../common/action-status';
import { i18n } from '#i18n';
import { countText } from '@/utils/plural';

interface Props {
  /** Snippets ticked in the list: export those alone when there are some. */
  selectedIds: readonly string[];
}

const TABLE_NAMES: Record<BackupTable, string> = {
  snippets: i18n.t('backupSnippets'),
  templates: i18n.t('backupTemplates'),
  placeholderRules: i18n.t('backupRules'),
  settings: i18n.t('backupSettings'),
};
const TABLES = Object.keys(TABLE_NAMES) as BackupTable[];

const SETTING_NAMES: Record<string, string> = {
  [SETTING_KEYS.trigger]: i18n.t('triggerKeyLabel'),
  [SETTING_KEYS.colours]: i18n.t('setColours'),
  [SETTING_KEYS.cleanup]: i18n.t('setCleanupRules'),
  [SETTING_KEYS.sitesOff]: i18n.t('sitesHeading'),
  [SETTING_KEYS.welcomeDismissed]: i18n.t('backupSettingWelcome'),
  [SETTING_KEYS.checkRulesOff]: i18n.t('checkSettingsHeading'),
  [SETTING_KEYS.placeholderKindsOff]: i18n.t('backupSettingKindsOff'),
};

/** A record as the preview names it, and the words of it that show what it holds. */
function described(table: BackupTable, record: ImportPlan[BackupTable]['added'][number]): { name: string; text: string } {
  switch (table) {
    case 'snippets': {
      const snippet = record as ImportPlan['snippets']['added'][number];
      return { name: snippet.title, text: snippet.body };
    }
    case 'templates': {
      const template = record as ImportPlan['templates']['added'][number];
      return { name: template.title, text: template.description || template.sections.map((s) => s.heading).join(' ') };
    }
    case 'placeholderRules': {
      const rule = record as ImportPlan['placeholderRules']['added'][number];
      return { name: rule.name, text: `/${rule.pattern}/${rule.flags}` };
    }
    case 'settings': {
      const setting = record as ImportPlan['settings']['added'][number];
      return { name: SETTING_NAMES[setting.id] ?? setting.id, text: setting.value };
    }
  }
}

/** Every record the import writes, with what it holds now and what it will hold. */
function previewItems(plan: ImportPlan): PreviewItem[] {
  return TABLES.flatMap((table) => [
    ...plan[table].added.map((record) => {
      const { name, text } = described(table, record);
      return { key: `${table}:${record.id}`, label: i18n.t('backupItemNew', [TABLE_NAMES[table], name]), after: text };
    }),
    ...plan[table].changed.map(({ before, after }) => {
      const [old, next] = [described(table, before), described(table, after)];
      return { key: `${table}:${after.id}`, label: i18n.t('backupItemChanged', [TABLE_NAMES[table], next.name]), before: old.text, after: next.text };
    }),
  ]);
}

function noteText(note: ImportNote): string {
  return note.kind === 'abbreviation-taken'
    ? i18n.t('backupAbbreviationKept', [note.title, note.abbreviation, note.owner])
    : i18n.t('backupImpossibleTimes', [note.title]);
}

const writes = (plan: ImportPlan) => TABLES.reduce((n, table) => n + plan[table].added.length + plan[table].changed.length, 0);

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
    case 'unsafe-rule':
      return i18n.t('backupUnsafeRule', [problem.name, problem.message]);
    case 'bad-setting':
      return i18n.t('backupBadSetting', [problem.id, problem.message]);
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
export function SnippetBackup({ selectedIds }: Props) {
  const status = useActionStatus();
  const onStatus = status.report;
  const persisted = usePersistentStorage();
  // The storage note is about snippets kept: nothing to say while there are none.
  const hasSnippets = useLiveQuery(async () => (await database().snippets.count()) > 0, [], false);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  /** The other tool's library the plan comes from, when it is not a backup. */
  const [library, setLibrary] = useState<LibraryImport | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  /** The last import, until it is undone or another begins. */
  const [undo, setUndo] = useState<ImportUndo | null>(null);

  const exportNow = async () => {
    const ids = selectedIds.length ? selectedIds : undefined;
    const text = await exportBackup(database(), { snippetIds: ids });
    download(text, `report-snippets-${new Date().toISOString().slice(0, 10)}.json`);
    onStatus(ids ? countText('backupExportedSelected', ids.length, [String(ids.length)]) : i18n.t('backupExported'), 'ok');
  };

  const readFile = async (file: File) => {
    setPlan(null);
    setLibrary(null);
    setUndo(null);
    setProblem('');
    // Not even read when far too big: a character takes at most 4 bytes of the file.
    if (file.size > MAX_BACKUP_CHARS * 4) {
      setProblem(problemText({ kind: 'too-large' }));
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      const { isLibraryFile, planLibraryImport } = await import('./library-read');
      if (isLibraryFile(file.name, text)) {
        const read = await planLibraryImport(file.name, text);
        if (!read.ok) setProblem(read.message);
        else {
          setLibrary(read.library);
          setPlan(read.plan);
        }
        return;
      }
      const parsed = parseBackup(text);
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
      const outcome = await applyImport(database(), plan);
      if (!outcome.ok) {
        // Something changed the library since the preview: show what the import would do now.
        setPlan(outcome.plan);
        setProblem(i18n.t('backupChangedSince'));
        return;
      }
      onStatus(countText('backupImported', outcome.written, [String(outcome.written)]), 'ok');
      setUndo(outcome.undo);
      setPlan(null);
      setLibrary(null);
    } catch (error) {
      setProblem(i18n.t('backupImportFailed', [String(error)]));
    } finally {
      setBusy(false);
    }
  };

  const undoNow = async () => {
    if (!undo) return;
    setBusy(true);
    try {
      await undoImport(database(), undo);
      setUndo(null);
      onStatus(i18n.t('backupImportUndone'), 'ok');
    } catch (error) {
      setProblem(i18n.t('backupImportFailed', [String(error)]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {/* A refusal is shown at once, not folded away, once there is something to lose: the user should know to keep backups. */}
      {persisted === false && hasSnippets && (
        <p className="storage-note hint" role="note">
          {i18n.t('storageRefused')}
        </p>
      )}
      <details className="snippet-backup">
        <summary>{i18n.t('backupHeading')}</summary>
        {persisted !== false && (
          <p className="storage-note hint" role="note">
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
              accept={['application/json', '.json', ...LIBRARY_FILE_TYPES].join(',')}
              disabled={busy}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void readFile(file);
              }}
              aria-describedby="library-import-hint"
            />
          </label>
        </div>
        <p id="library-import-hint" className="hint">
          {i18n.t('libraryHint')}
        </p>
        <ActionStatus of={status} />
        {problem && (
          <p className="snippet-problem" role="alert">
            {problem}
          </p>
        )}
        {plan && (
          <ChangePreview
            label={i18n.t('backupPreview')}
            summary={countText('backupImportAsk', writes(plan), [String(writes(plan))])}
            items={previewItems(plan)}
            confirmLabel={i18n.t('backupImportConfirm')}
            busy={busy}
            onConfirm={() => void importNow()}
            onCancel={() => {
              setPlan(null);
              setLibrary(null);
              setProblem('');
            }}
          >
            {library && <LibraryNotes library={library} />}
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
                {(library ? (['snippets'] as const) : TABLES).map((table) => (
                  <tr key={table}>
                    <th scope="row">{TABLE_NAMES[table]}</th>
                    <td>{plan[table].added.length}</td>
                    <td>{plan[table].changed.length}</td>
                    <td>{plan[table].same}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {plan.notes.map((note, i) => (
              <p key={i} className="import-warning" role="note">
                {noteText(note)}
              </p>
            ))}
            {TABLES.some((table) => plan[table].changed.length > 0) && <p className="hint">{i18n.t('backupChangedNote')}</p>}
          </ChangePreview>
        )}
        {undo && (
          <div className="backup-actions">
            <button type="button" disabled={busy} onClick={() => void undoNow()}>
              {i18n.t('backupUndo')}
            </button>
          </div>
        )}
        <TriggerKeySetting />
      </details>
    </>
  );
}
