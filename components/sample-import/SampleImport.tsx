import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { database, newId } from '@/utils/db/database';
import type { CleanupRule } from '@/utils/report/cleanup';
import { MAX_FILE_BYTES, MAX_TEXT_CHARS, type MaterialProblem } from '@/utils/report/material-file';
import { changeContext, followRange, groupChanges } from '@/utils/report/change-review';
import { importMaterial, materialTitle, templateFromMaterial } from '@/utils/report/templates';
import { cleanupRulesOf, EMPTY_CLEANUP_SETTINGS } from '@/utils/settings/cleanup-settings';
import { cleanupSettings } from '@/utils/db/settings';
import { readMaterialFile } from './readMaterialFile';
import { useDraft } from '../common/useDraft';
import './sample-import.css';
import type { ActionStatusHandle } from '../common/action-status';
import { i18n } from '#i18n';
import { countText } from '@/utils/plural';

interface Props {
  onSaved(id: string): void;
  onCancel(): void;
  /** Where the outcome of saving is said: the tab's, as the import closes on success. */
  status: ActionStatusHandle;
}

const RULE_NAMES: Record<string, string> = {
  'line-endings': i18n.t('ruleLineEndings'),
  'paywall-markers': i18n.t('rulePaywall'),
  'ad-shop-labels': i18n.t('ruleAdShop'),
  'ad-promotions': i18n.t('ruleAdPromotions'),
  'ad-contacts': i18n.t('ruleAdContacts'),
  'masked-wechat': i18n.t('ruleMaskedWechat'),
  'masked-party': i18n.t('ruleMaskedParty'),
  'trailing-spaces': i18n.t('ruleTrailingSpaces'),
  'blank-lines': i18n.t('ruleBlankLines'),
  'document-edges': i18n.t('ruleDocumentEdges'),
};
export const ruleName = (rule: Pick<CleanupRule, 'id' | 'name'>) => RULE_NAMES[rule.id] ?? rule.name;

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');

function problemText(problem: MaterialProblem): string {
  switch (problem.kind) {
    case 'unsupported':
      return i18n.t('impUnsupported', [problem.name]);
    case 'too-large':
      return i18n.t('impTooLarge', [megabytes(problem.bytes), megabytes(MAX_FILE_BYTES)]);
    case 'empty':
      return i18n.t('impEmpty');
    case 'binary':
      return i18n.t('impBinary');
    case 'old-word':
      return i18n.t('impOldWord');
    case 'bad-docx':
      return i18n.t('impBadDocx');
    case 'too-long':
      return countText('impTooLong', problem.chars, [problem.chars.toLocaleString(), MAX_TEXT_CHARS.toLocaleString()]);
  }
}

/** Line breaks and edge spaces made visible in a change. */
const shown = (text: string) => text.replace(/\r?\n/g, '↵').replace(/^ | $/g, '·');
const clipped = (text: string, max = 40) => ([...text].length > max ? `${[...text].slice(0, max).join('')}…` : text);

/** Each place of a group listed at most: a long sample repeats one change hundreds of times. */
const PLACES_SHOWN = 200;

/** Where the material being imported is kept until it is saved or cancelled. */
export const SAMPLE_IMPORT_DRAFT = 'sample-import';

interface ImportDraft {
  raw: string;
  fileName: string;
  flipped: string[];
  title: string | null;
  /** The cleaned text as the writer edited it; null while it is cleanup's own. */
  edited: string | null;
}

interface ListedChange {
  start: number;
  end: number;
  before: string;
  after: string;
}

/** What a change did: the text it took out, and what it put in (or "removed"); an arrow between them when they stand alone. */
function ChangeMark({ change, arrow = false }: { change: Pick<ListedChange, 'before' | 'after'>; arrow?: boolean }) {
  return (
    <>
      <del>{clipped(shown(change.before))}</del>
      {arrow && change.after && <span className="arrow"> → </span>}
      {change.after ? <ins>{clipped(shown(change.after))}</ins> : <span className="removed">{i18n.t('impRemoved')}</span>}
    </>
  );
}

/** One change in the words around it in the material, the change marked. */
function ChangeInPlace({ material, change }: { material: string; change: ListedChange }) {
  const context = changeContext(material, change.start, change.end);
  return (
    <span className="change-in-place">
      {context.leadCut && '…'}
      {context.lead}
      <ChangeMark change={change} />
      {context.trail}
      {context.trailCut && '…'}
    </span>
  );
}

/** The changes of one rule: identical ones as one row with their count, each place a click away. */
function RuleChanges({ label, material, changes }: { label: string; material: string; changes: readonly ListedChange[] }) {
  const groups = useMemo(() => groupChanges(changes), [changes]);
  return (
    <ul className="import-changes" aria-label={label}>
      {groups.map((group) =>
        group.changes.length === 1 ? (
          <li key={group.changes[0].start}>
            <ChangeInPlace material={material} change={group.changes[0]} />
          </li>
        ) : (
          <li key={group.changes[0].start}>
            <details>
              <summary>
                <ChangeMark change={group} arrow /> <span className="times">{i18n.t('impChangeTimes', [String(group.changes.length)])}</span>
              </summary>
              <ul className="change-places" aria-label={i18n.t('impChangeEach')}>
                {group.changes.slice(0, PLACES_SHOWN).map((change) => (
                  <li key={change.start}>
                    <ChangeInPlace material={material} change={change} />
                  </li>
                ))}
                {group.changes.length > PLACES_SHOWN && <li className="more">{i18n.t('impMore', [String(group.changes.length - PLACES_SHOWN)])}</li>}
              </ul>
            </details>
          </li>
        ),
      )}
    </ul>
  );
}

/**
 * Sample material to template: open or paste it, see every change cleanup makes and turn rules
 * off, edit the cleaned text, see the sections it splits into, then save it as a template in
 * one write.
 */
export function SampleImport({ onSaved, onCancel, status }: Props) {
  const onStatus = status.report;
  // The material, the boxes ticked, the edits and the title typed: a draft until saved or cancelled.
  const [draft, setDraft, discardDraft] = useDraft<ImportDraft>(SAMPLE_IMPORT_DRAFT, {
    raw: '',
    fileName: '',
    flipped: [],
    title: null,
    edited: null,
  });
  const { raw, fileName, title } = draft;
  const edited = draft.edited ?? null;
  const flipped = useMemo(() => new Set(draft.flipped), [draft.flipped]);
  const setRaw = (value: string) => setDraft((old) => ({ ...old, raw: value }));
  const setTitle = (value: string | null) => setDraft((old) => ({ ...old, title: value }));
  const setEdited = (value: string | null) => setDraft((old) => ({ ...old, edited: value }));
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [titleError, setTitleError] = useState('');
  const [saving, setSaving] = useState(false);
  const [previewOpen, setPreviewOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const cleanedBox = useRef<HTMLTextAreaElement>(null);

  // The rules as set in Settings; a box ticked here changes this import only.
  const settings = useLiveQuery(() => cleanupSettings(database()), []) ?? EMPTY_CLEANUP_SETTINGS;
  const configured = useMemo(() => cleanupRulesOf(settings), [settings]);
  const rules = useMemo(() => configured.map((rule) => ({ ...rule, enabled: rule.enabled !== flipped.has(rule.id) })), [configured, flipped]);
  // Cleaning a long sample takes a moment: typing stays responsive.
  const material = useDeferredValue(raw);
  const result = useMemo(() => (material.trim() ? importMaterial(material, rules) : null), [material, rules]);
  const cleaned = result?.ok ? result : null;
  // The text the template is made from: cleanup's, or the writer's edit of it.
  const text = edited ?? cleaned?.cleanup.text ?? '';
  const sections = useMemo(() => (text.trim() ? templateFromMaterial(text, { id: '', title: '', now: 0 }).sections : []), [text]);
  const changesByRule = useMemo(() => {
    const byRule = new Map<string, ListedChange[]>();
    for (const change of cleaned?.changes ?? []) byRule.set(change.ruleId, [...(byRule.get(change.ruleId) ?? []), change]);
    return byRule;
  }, [cleaned]);
  // A warning whose text the writer has rewritten is settled; the others follow the edits.
  const warnings = useMemo(
    () =>
      (cleaned?.cleanup.warnings ?? []).flatMap((warning) => {
        const at = followRange(cleaned!.cleanup.text, text, warning.textStart, warning.textEnd);
        return at ? [{ key: warning.start, ...at }] : [];
      }),
    [cleaned, text],
  );
  const suggestedTitle = useMemo(() => (text ? materialTitle(text, fileName) : ''), [text, fileName]);
  const shownTitle = title ?? suggestedTitle;
  const problem = fileProblem ?? (result && !result.ok ? problemText(result.problem) : null);

  const toggle = (id: string) => {
    const next = new Set(flipped);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setDraft((old) => ({ ...old, flipped: [...next] }));
  };

  const open = async (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    try {
      const read = await readMaterialFile(file);
      // A bad file leaves what was there before untouched.
      if (!read.ok) {
        setFileProblem(problemText(read.problem));
        return;
      }
      // New material: the edits of the old one's cleaned text do not apply to it.
      setDraft((old) => ({ ...old, raw: read.text, fileName: file.name, title: null, edited: null }));
      setFileProblem(null);
    } catch {
      setFileProblem(i18n.t('impUnreadable'));
    } finally {
      setReading(false);
    }
  };

  /** Opens the cleaned text and selects `start..end` in it, scrolled into view. */
  const showInText = (start: number, end: number) => {
    flushSync(() => setPreviewOpen(true));
    const box = cleanedBox.current;
    if (!box) return;
    // Selected before focus, so that focusing scrolls the selection into view.
    box.setSelectionRange(start, end);
    box.blur();
    box.focus();
  };

  const save = async () => {
    if (!text.trim() || saving) return;
    if (!shownTitle.trim()) {
      setTitleError(i18n.t('tplTitleMissing'));
      return;
    }
    setSaving(true);
    try {
      const template = templateFromMaterial(text, { id: newId(), title: shownTitle, now: Date.now() });
      await database().templates.add(template);
      onStatus(i18n.t('tplSaved', [template.title]), 'ok');
      discardDraft();
      onSaved(template.id);
    } catch (error) {
      onStatus(i18n.t('tplSaveFailed', [String(error)]), 'error');
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="sample-import" aria-labelledby="import-heading">
      <div className="section-head">
        <h3 id="import-heading">{i18n.t('impHeading')}</h3>
        <button
          type="button"
          className="quiet"
          onClick={() => {
            discardDraft();
            onCancel();
          }}
        >
          {i18n.t('tplCancel')}
        </button>
      </div>
      <div className="import-file">
        {/* The browser's own file control names no file once read and speaks the browser's language: the panel's button stands in for it. */}
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label={i18n.t('impFile')}
          accept=".txt,.md,.markdown,.docx,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => {
            void open(event.target.files?.[0]);
            // The same file may be chosen again after it was fixed.
            event.target.value = '';
          }}
        />
        <button type="button" onClick={() => fileInput.current?.click()} aria-describedby="import-file-name">
          {i18n.t('impFileButton')}
        </button>
        <span id="import-file-name" className={fileName ? 'file-name' : 'file-name hint'}>
          {fileName || i18n.t('impFileKinds')}
        </span>
      </div>
      <label className="import-source">
        <span>{i18n.t('impPaste')}</span>
        <textarea
          rows={4}
          value={raw}
          readOnly={edited !== null}
          onChange={(event) => {
            setRaw(event.target.value);
            setFileProblem(null);
          }}
        />
      </label>
      {reading && <p className="empty">{i18n.t('impReading')}</p>}
      {problem && (
        <p className="import-problem" role="alert">
          {problem}
        </p>
      )}
      {cleaned && (
        <>
          <p className="import-count">{i18n.t('impChanges', [String(cleaned.changes.length)])}</p>
          {edited !== null && (
            <div className="import-edited">
              <p className="hint">{i18n.t('impEditedNote')}</p>
              <button type="button" onClick={() => setEdited(null)}>
                {i18n.t('impDiscardEdits')}
              </button>
            </div>
          )}
          <ul className="import-rules" aria-label={i18n.t('impRules')}>
            {rules.map((rule) => {
              const changes = changesByRule.get(rule.id) ?? [];
              return (
                <li key={rule.id}>
                  <label>
                    <input type="checkbox" checked={rule.enabled} disabled={edited !== null} onChange={() => toggle(rule.id)} /> {ruleName(rule)}
                  </label>
                  {changes.length > 0 && (
                    <details>
                      <summary>{i18n.t('impChanges', [String(changes.length)])}</summary>
                      <RuleChanges label={i18n.t('impChangeList', [ruleName(rule)])} material={material} changes={changes} />
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
          {warnings.map((warning) => (
            <div key={warning.key} className="import-warning" role="note">
              <p>{i18n.t('impWarning', [text.slice(warning.start, warning.end)])}</p>
              <button type="button" onClick={() => showInText(warning.start, warning.end)}>
                {i18n.t('impWarningShow')}
              </button>
            </div>
          ))}
          <details className="import-preview" open={previewOpen} onToggle={(event) => setPreviewOpen(event.currentTarget.open)}>
            <summary>{i18n.t('impCleanedText')}</summary>
            <p className="hint" id="import-cleaned-hint">
              {i18n.t('impCleanedHint')}
            </p>
            <textarea
              ref={cleanedBox}
              rows={10}
              value={text}
              aria-label={i18n.t('impCleanedText')}
              aria-describedby="import-cleaned-hint"
              onChange={(event) => setEdited(event.target.value)}
            />
          </details>
          <p className="import-count">{i18n.t('impSectionsFound', [String(sections.length)])}</p>
          <ol className="import-sections" aria-label={i18n.t('tplSections')}>
            {sections.map((section, index) => (
              <li key={index} className={section.heading ? undefined : 'untitled'}>
                {section.heading || clipped(section.body.split('\n', 1)[0])}
              </li>
            ))}
          </ol>
          <form
            className="import-save"
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <label>
              <span>{i18n.t('tplTitle')}</span>
              <input
                value={shownTitle}
                aria-invalid={titleError ? true : undefined}
                onChange={(event) => {
                  setTitle(event.target.value);
                  setTitleError('');
                }}
              />
            </label>
            {titleError && (
              <p className="fill-error" role="alert">
                {titleError}
              </p>
            )}
            <button type="submit" disabled={saving || !text.trim()}>
              {i18n.t('impSave')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
