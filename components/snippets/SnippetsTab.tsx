import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { database, newId } from '@/utils/db/database';
import type { Snippet } from '@/utils/db/schema';
import { isPlainFamily, type InsertPayload } from '@/protocol/messages';
import { placementOf } from '@/utils/editors/placement';
import { sanitizeHtml } from '@/utils/sanitize';
import { duplicateSnippet, editedSnippet, hasMarkup, newSnippet, type SnippetFields } from '@/utils/snippets/record';
import { deleteSnippets, markUsed, restoreSnippets, tagSnippets } from '@/utils/snippets/store';
import { fieldsToAsk, snippetLookup } from '@/utils/snippets/fields';
import { isSnippetOrder, SNIPPET_ORDERS, type SnippetOrder } from '@/utils/snippets/arrange';
import { snippetContent } from './snippet-content';
import { FieldsForm, includeProblemText } from './FieldsForm';
import { SnippetBackup } from './SnippetBackup';
import { ChangePreview } from '../common/ChangePreview';
import { SnippetEditor, snippetFormDraft } from './SnippetEditor';
import { SnippetList } from './SnippetList';
import { useSnippetLibrary } from './useSnippetLibrary';
import { TeamControls, useTeamMarks, useTeams } from '../sync/team-items';
import { clearDraft, readDraft, useDraft } from '../common/useDraft';
import { failureText } from '../target/failure-text';
import type { InsertOutcome, SendToTarget, TabEditor } from '../target/useTabEditors';
import { ActionStatus, useActionStatus } from '../common/action-status';
import { i18n } from '#i18n';
import { countText } from '@/utils/plural';
import './snippets.css';

interface Props {
  target: TabEditor | null;
  send: SendToTarget;
  /** The panel's insert path: the target editor's caret. */
  onInsert(content: InsertPayload): Promise<InsertOutcome>;
}

/**
 * What the editor form holds: a snippet being edited, or the start of a new one (`fromPage`
 * when it is the page's selection, to be checked before it is saved).
 */
type Editing = (Partial<Snippet> & { body: string; fromPage?: boolean }) | null;

/** A snippet opened and left as it was is not work to resume; a new one with text (a selection) is. */
const unfinished = (editing: Editing) =>
  !!editing && ((!editing.id && !!editing.body.trim()) || readDraft<unknown>(snippetFormDraft(editing.id), null) !== null);

/** Deleted snippets that can be put back until `until`. */
type UndoOffer = { removed: Snippet[]; text: string; until: number } | null;

/** How long a deletion can be undone. */
const UNDO_MS = 10_000;

const ORDER_KEY = 'snippets:order';

/** The order the user picked last, kept in the extension's own storage. */
function useStoredOrder(): [SnippetOrder, (order: SnippetOrder) => void] {
  const [order, setOrder] = useState<SnippetOrder>(() => {
    try {
      const stored = localStorage.getItem(ORDER_KEY);
      return isSnippetOrder(stored) ? stored : 'best';
    } catch {
      return 'best';
    }
  });
  const pick = useCallback((next: SnippetOrder) => {
    setOrder(next);
    try {
      localStorage.setItem(ORDER_KEY, next);
    } catch {
      // Unavailable storage: the order lasts until the panel closes.
    }
  }, []);
  return [order, pick];
}

/** "Best match" while searching; with nothing searched, the same order is the use order. */
const orderName = (order: SnippetOrder, searching: boolean) =>
  ({
    best: searching ? i18n.t('snippetOrderBestMatch') : i18n.t('snippetOrderBest'),
    recent: i18n.t('snippetOrderRecent'),
    frequent: i18n.t('snippetOrderFrequent'),
    title: i18n.t('snippetOrderTitle'),
  })[order];

/** The snippet library: find, insert at the caret, edit, and keep safe. */
export function SnippetsTab({ target, send, onInsert }: Props) {
  const status = useActionStatus();
  const onStatus = status.report;
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [order, setOrder] = useStoredOrder();
  const { loaded, all, results, resultCount, terms, tags, folders, searched } = useSnippetLibrary(query, tag, folder, order);
  const teams = useTeams();
  const teamMarks = useTeamMarks('snippets', teams);
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Kept as drafts: a half-written snippet and the undo offer survive closing the panel.
  const [editing, setEditing] = useDraft<Editing>('snippets.editing', null, unfinished);
  const [undo, setUndo] = useDraft<UndoOffer>('snippets.undo', null);
  const [confirmDelete, setConfirmDelete] = useState<readonly Snippet[] | null>(null);
  // The snippet whose fields are being asked, by id: the form survives closing the panel.
  const [filling, setFilling] = useDraft<string | null>('snippets.filling', null);
  const fillingSnippet = filling ? all.find((s) => s.id === filling) : undefined;
  const lookup = useMemo(() => snippetLookup(all), [all]);
  const searchBox = useRef<HTMLInputElement>(null);

  // A new search starts at its best match; a change in the library (a use counted, a snippet
  // deleted) keeps the place.
  const [shownSearch, setShownSearch] = useState(searched);
  if (shownSearch !== searched) {
    setShownSearch(searched);
    setActive(0);
  }
  const activeIndex = Math.min(active, results.length - 1);

  // The undo offer lasts a while, then the deletion stands.
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), Math.max(0, undo.until - Date.now()));
    return () => clearTimeout(timer);
  }, [undo, setUndo]);

  /** Leaves the editor, its draft discarded. */
  const closeEditor = useCallback(() => {
    if (editing) clearDraft(snippetFormDraft(editing.id));
    setEditing(null);
  }, [editing, setEditing]);

  /** Puts the snippet at the caret, its fields written with `values` (their defaults where left out). */
  const insertWritten = useCallback(
    async (snippet: Snippet, values: Record<string, string>) => {
      const content = await snippetContent(snippet, values, target?.family ?? null, lookup);
      if ('problem' in content) {
        onStatus(includeProblemText(content.problem), 'error');
        return;
      }
      const outcome = await onInsert(content);
      onStatus(outcome.message, outcome.ok ? 'ok' : 'error');
      if (outcome.ok) await markUsed(database(), snippet.id, Date.now());
    },
    [target, onInsert, onStatus, lookup],
  );

  /** Asks the snippet's fields first, when it has any to ask. */
  const insert = useCallback(
    async (snippet: Snippet) => {
      if (fieldsToAsk(snippet.body, lookup, snippet.title).fields.length) setFilling(snippet.id);
      else await insertWritten(snippet, {});
    },
    [insertWritten, lookup, setFilling],
  );

  const remove = useCallback(
    async (ids: readonly string[]) => {
      const removed = await deleteSnippets(database(), ids);
      if (!removed.length) return;
      setSelected((s) => new Set([...s].filter((id) => !ids.includes(id))));
      setUndo({
        removed,
        text: removed.length === 1 ? i18n.t('snippetDeletedOne', [removed[0].title]) : i18n.t('snippetDeletedMany', [String(removed.length)]),
        until: Date.now() + UNDO_MS,
      });
    },
    [setUndo],
  );

  const toggle = useCallback((id: string) => {
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const edit = useCallback((snippet: Snippet) => setEditing(snippet), [setEditing]);

  const save = async (fields: SnippetFields) => {
    const db = database();
    const now = Date.now();
    if (editing?.id) {
      // The stored record, not the one the form opened with: it may have been used meanwhile.
      const stored = (await db.snippets.get(editing.id)) ?? (editing as Snippet);
      await db.snippets.put(editedSnippet(stored, fields, now));
    } else {
      await db.snippets.add(newSnippet(fields, newId(), now));
    }
    onStatus(i18n.t('snippetSaved', [fields.title]), 'ok');
    closeEditor();
    searchBox.current?.focus();
  };

  const saveSelection = async () => {
    const result = await send<'read-selected-content'>({ type: 'read-selected-content' });
    if (!result.ok) {
      onStatus(result.reason === 'no-target' ? i18n.t('snippetClickEditorFirst') : failureText(result), 'error');
      return;
    }
    if (!result.text.trim()) {
      onStatus(i18n.t('snippetSelectFirst'), 'error');
      return;
    }
    const html = hasMarkup(result.html) ? sanitizeHtml(result.html) : undefined;
    // Shown in the editor, not saved: the page answers what its selection is, and could lie.
    clearDraft(snippetFormDraft());
    setEditing({ body: result.text.trim(), html, fromPage: true });
  };

  const onKey = (event: KeyboardEvent) => {
    const current = results[activeIndex];
    if (event.key === 'ArrowDown') setActive(Math.min(activeIndex + 1, results.length - 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(activeIndex - 1, 0));
    else if (event.key === 'PageDown') setActive(Math.min(activeIndex + 8, results.length - 1));
    else if (event.key === 'PageUp') setActive(Math.max(activeIndex - 8, 0));
    else if (event.key === 'Enter' && current && !(event.target instanceof HTMLButtonElement)) void insert(current);
    else if (event.key === 'Delete' && current && event.target !== searchBox.current) void remove([current.id]);
    else if (event.key === 'Escape' && event.target === searchBox.current && query) setQuery('');
    else return;
    event.preventDefault();
  };

  if (fillingSnippet) {
    return (
      <div className="snippets">
        <FieldsForm
          snippet={fillingSnippet}
          lookup={lookup}
          onInsert={(values) => {
            clearDraft(`snippet-fields:${fillingSnippet.id}`);
            setFilling(null);
            void insertWritten(fillingSnippet, values);
          }}
          onCancel={() => {
            clearDraft(`snippet-fields:${fillingSnippet.id}`);
            setFilling(null);
          }}
        />
      </div>
    );
  }

  if (editing) {
    const existing = editing.id ? (editing as Snippet) : null;
    return (
      <SnippetEditor
        key={existing?.id ?? 'new'}
        snippet={editing}
        library={all}
        fromPage={editing.fromPage}
        onSave={save}
        onInsert={async (content) => {
          const payload = target && !isPlainFamily(target.family) && content.html ? content : { text: content.text };
          const outcome = await onInsert({ ...payload, placement: placementOf(payload) });
          onStatus(outcome.message, outcome.ok ? 'ok' : 'error', { where: 'editor' });
        }}
        status={status}
        onCancel={closeEditor}
        team={(unsaved) => existing && <TeamControls table="snippets" id={existing.id} mark={teamMarks.get(existing.id)} teams={teams} unsaved={unsaved} />}
        onDuplicate={
          existing
            ? async () => {
                const copy = duplicateSnippet(existing, newId(), Date.now(), i18n.t('snippetCopyTitle', [existing.title]));
                await database().snippets.add(copy);
                closeEditor();
                setEditing(copy);
              }
            : undefined
        }
        onDelete={
          existing
            ? async () => {
                closeEditor();
                await remove([existing.id]);
              }
            : undefined
        }
      />
    );
  }

  const selectedIds = [...selected];
  return (
    <div className="snippets">
      <div className="snippets-toolbar">
        <input
          ref={searchBox}
          type="search"
          aria-label={i18n.t('snippetSearch')}
          placeholder={i18n.t('snippetSearchHint')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKey}
        />
        <select aria-label={i18n.t('snippetOrder')} value={order} onChange={(event) => isSnippetOrder(event.target.value) && setOrder(event.target.value)}>
          {SNIPPET_ORDERS.map((o) => (
            <option key={o} value={o}>
              {orderName(o, terms.length > 0)}
            </option>
          ))}
        </select>
      </div>
      {(tags.length > 0 || folders.length > 0) && (
        <div className="snippets-filters">
          {folders.length > 0 && (
            <select aria-label={i18n.t('snippetFolderFilter')} value={folder ?? ''} onChange={(event) => setFolder(event.target.value || null)}>
              <option value="">{i18n.t('snippetAllFolders')}</option>
              {folders.map((f) => (
                <option key={f.path} value={f.path}>
                  {/* In tree order, each with its whole path: a subfolder picked still says where it is. */}
                  {`${f.path.split('/').join(' › ')} (${f.count.toLocaleString()})`}
                </option>
              ))}
            </select>
          )}
          {tags.length > 0 && (
            <select aria-label={i18n.t('snippetTagFilter')} value={tag ?? ''} onChange={(event) => setTag(event.target.value || null)}>
              <option value="">{i18n.t('snippetAllTags')}</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
      <div className="snippets-toolbar">
        <button
          type="button"
          onClick={() => {
            clearDraft(snippetFormDraft());
            setEditing({ body: '' });
          }}
        >
          {i18n.t('snippetNewButton')}
        </button>
        <button type="button" onClick={() => void saveSelection()} disabled={!target} title={target ? undefined : i18n.t('snippetClickEditorFirst')}>
          {i18n.t('snippetSaveSelection')}
        </button>
        <span className="snippet-count" role="status" aria-label={i18n.t('snippetCountLabel')}>
          {loaded ? i18n.t('snippetCount', [results.length.toLocaleString(), all.length.toLocaleString()]) : ''}
        </span>
      </div>
      <ActionStatus of={status} />
      {selected.size > 0 && (
        <BulkBar
          ids={selectedIds}
          tags={tags}
          onDelete={() => setConfirmDelete(all.filter((s) => selected.has(s.id)))}
          onClear={() => setSelected(new Set())}
        />
      )}
      {confirmDelete && (
        <ChangePreview
          label={i18n.t('snippetDeletePreview')}
          summary={countText('snippetDeleteAsk', confirmDelete.length, [String(confirmDelete.length)])}
          items={confirmDelete.map((s) => ({ key: s.id, label: s.title, before: s.body }))}
          confirmLabel={countText('snippetDeleteConfirm', confirmDelete.length, [String(confirmDelete.length)])}
          danger
          onConfirm={() => {
            // Exactly the snippets shown, even if the ticks changed meanwhile.
            void remove(confirmDelete.map((s) => s.id));
            setConfirmDelete(null);
          }}
          onCancel={() => setConfirmDelete(null)}
        />
      )}
      {loaded && all.length === 0 ? (
        <p className="empty">{i18n.t('snippetEmpty')}</p>
      ) : loaded && results.length === 0 ? (
        <p className="empty">{i18n.t('snippetNoMatch')}</p>
      ) : (
        <SnippetList
          snippets={results}
          count={resultCount}
          searched={searched}
          terms={terms}
          active={activeIndex}
          selected={selected}
          teamMarks={teamMarks}
          usageFirst={order === 'recent' || order === 'frequent'}
          onActivate={setActive}
          onInsert={(s) => void insert(s)}
          onEdit={edit}
          onToggle={toggle}
          onKey={onKey}
        />
      )}
      {undo && (
        <div className="toast" role="status">
          <span>{undo.text}</span>
          <button
            type="button"
            onClick={() => {
              void restoreSnippets(database(), undo.removed);
              setUndo(null);
            }}
          >
            {i18n.t('snippetUndo')}
          </button>
        </div>
      )}
      <SnippetBackup selectedIds={selectedIds} />
    </div>
  );
}

function BulkBar({ ids, tags, onDelete, onClear }: { ids: string[]; tags: string[]; onDelete(): void; onClear(): void }) {
  const [tag, setTag] = useState('');
  const addTag = async () => {
    const name = tag.trim();
    if (!name) return;
    await tagSnippets(database(), ids, name, Date.now());
    setTag('');
  };
  return (
    <form
      className="bulk-bar"
      aria-label={i18n.t('snippetBulk')}
      onSubmit={(event) => {
        event.preventDefault();
        void addTag();
      }}
    >
      <span>{i18n.t('snippetSelectedCount', [String(ids.length)])}</span>
      <input list="snippet-tags" aria-label={i18n.t('snippetBulkTag')} placeholder={i18n.t('snippetBulkTag')} value={tag} onChange={(e) => setTag(e.target.value)} />
      <datalist id="snippet-tags">
        {tags.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <button type="submit">{i18n.t('snippetAddTag')}</button>
      <button type="button" className="danger" onClick={onDelete}>
        {i18n.t('snippetDeleteSelected')}
      </button>
      <button type="button" className="quiet" onClick={onClear}>
        {i18n.t('snippetClearSelection')}
      </button>
    </form>
  );
}

