import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import { database, newId } from '@/utils/db/database';
import type { CleanupRule } from '@/utils/report/cleanup';
import { MAX_FILE_BYTES, MAX_TEXT_CHARS, type MaterialProblem } from '@/utils/report/material-file';
import { importMaterial, materialTitle, templateFromMaterial } from '@/utils/report/templates';
import { cleanupRulesOf, EMPTY_CLEANUP_SETTINGS } from '@/utils/settings/cleanup-settings';
import { cleanupSettings } from '@/utils/db/settings';
import { readMaterialFile } from './readMaterialFile';
import { useDraft } from '../common/useDraft';
import { i18n } from '#i18n';

interface Props {
  onSaved(id: string): void;
  onCancel(): void;
  onStatus(text: string, tone: 'ok' | 'error'): void;
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
      return i18n.t('impTooLong', [problem.chars.toLocaleString(), MAX_TEXT_CHARS.toLocaleString()]);
  }
}

/** Line breaks and edge spaces made visible in a change. */
const shown = (text: string) => text.replace(/\r?\n/g, '↵').replace(/^ | $/g, '·');
const clipped = (text: string, max = 40) => ([...text].length > max ? `${[...text].slice(0, max).join('')}…` : text);

const CHANGES_SHOWN = 200;

/** Where the material being imported is kept until it is saved or cancelled. */
export const SAMPLE_IMPORT_DRAFT = 'sample-import';

/**
 * Sample material to template: open or paste it, see every change cleanup makes and turn rules
 * off, see the sections it splits into, then save it as a template in one write.
 */
export function SampleImport({ onSaved, onCancel, onStatus }: Props) {
  // The material, the boxes ticked and the title typed: a draft until saved or cancelled.
  const [draft, setDraft, discardDraft] = useDraft<{ raw: string; fileName: string; flipped: string[]; title: string | null }>(SAMPLE_IMPORT_DRAFT, {
    raw: '',
    fileName: '',
    flipped: [],
    title: null,
  });
  const { raw, fileName, title } = draft;
  const flipped = useMemo(() => new Set(draft.flipped), [draft.flipped]);
  const setRaw = (value: string) => setDraft((old) => ({ ...old, raw: value }));
  const setTitle = (value: string | null) => setDraft((old) => ({ ...old, title: value }));
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [titleError, setTitleError] = useState('');
  const [saving, setSaving] = useState(false);

  // The rules as set in Settings; a box ticked here changes this import only.
  const settings = useLiveQuery(() => cleanupSettings(database()), []) ?? EMPTY_CLEANUP_SETTINGS;
  const configured = useMemo(() => cleanupRulesOf(settings), [settings]);
  const rules = useMemo(() => configured.map((rule) => ({ ...rule, enabled: rule.enabled !== flipped.has(rule.id) })), [configured, flipped]);
  // Cleaning a long sample takes a moment: typing stays responsive.
  const material = useDeferredValue(raw);
  const result = useMemo(() => (material.trim() ? importMaterial(material, rules) : null), [material, rules]);
  const cleaned = result?.ok ? result : null;
  const suggestedTitle = useMemo(() => (cleaned ? materialTitle(cleaned.cleanup.text, fileName) : ''), [cleaned, fileName]);
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
      setDraft((old) => ({ ...old, raw: read.text, fileName: file.name, title: null }));
      setFileProblem(null);
    } catch {
      setFileProblem(i18n.t('impUnreadable'));
    } finally {
      setReading(false);
    }
  };

  const save = async () => {
    if (!cleaned || saving) return;
    if (!shownTitle.trim()) {
      setTitleError(i18n.t('tplTitleMissing'));
      return;
    }
    setSaving(true);
    try {
      const template = templateFromMaterial(cleaned.cleanup.text, { id: newId(), title: shownTitle, now: Date.now() });
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
      <label className="import-source">
        <span>{i18n.t('impFile')}</span>
        <input
          type="file"
          accept=".txt,.md,.markdown,.docx,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => {
            void open(event.target.files?.[0]);
            // The same file may be chosen again after it was fixed.
            event.target.value = '';
          }}
        />
      </label>
      <label className="import-source">
        <span>{i18n.t('impPaste')}</span>
        <textarea
          rows={4}
          value={raw}
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
          <ul className="import-rules" aria-label={i18n.t('impRules')}>
            {rules.map((rule) => {
              const changes = cleaned.changes.filter((change) => change.ruleId === rule.id);
              return (
                <li key={rule.id}>
                  <label>
                    <input type="checkbox" checked={rule.enabled} onChange={() => toggle(rule.id)} /> {ruleName(rule)}
                  </label>
                  {changes.length > 0 && (
                    <details>
                      <summary>{i18n.t('impChanges', [String(changes.length)])}</summary>
                      <ul className="import-changes" aria-label={i18n.t('impChangeList', [ruleName(rule)])}>
                        {changes.slice(0, CHANGES_SHOWN).map((change) => (
                          <li key={change.start}>
                            <span className="where">{i18n.t('impLine', [String(change.line)])}</span>
                            <del>{clipped(shown(change.before))}</del>
                            {change.after ? <ins>{clipped(shown(change.after))}</ins> : <span className="removed">{i18n.t('impRemoved')}</span>}
                          </li>
                        ))}
                        {changes.length > CHANGES_SHOWN && <li className="more">{i18n.t('impMore', [String(changes.length - CHANGES_SHOWN)])}</li>}
                      </ul>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
          {cleaned.cleanup.warnings.map((warning) => (
            <p key={warning.start} className="import-warning" role="note">
              {i18n.t('impWarning', [
                String(material.slice(0, warning.start).split('\n').length),
                cleaned.cleanup.text.slice(warning.textStart, warning.textEnd),
              ])}
            </p>
          ))}
          <details className="import-preview">
            <summary>{i18n.t('impCleanedText')}</summary>
            <textarea readOnly rows={8} value={cleaned.cleanup.text} aria-label={i18n.t('impCleanedText')} />
          </details>
          <p className="import-count">{i18n.t('impSectionsFound', [String(cleaned.sections.length)])}</p>
          <ol className="import-sections" aria-label={i18n.t('tplSections')}>
            {cleaned.sections.map((section, index) => (
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
            <button type="submit" disabled={saving}>
              {i18n.t('impSave')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
