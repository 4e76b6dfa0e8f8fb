import { useId, useState } from 'react';
import { useDraft } from '../common/useDraft';
import { i18n } from '#i18n';

/** A rule as the form edits it; each settings list turns it into its own record. */
export interface RuleDraft {
  name: string;
  pattern: string;
  flags: string;
  kind: string;
  replacement: string;
}

interface Props {
  /** The form's accessible name: which rule it adds or edits. */
  label: string;
  /** Where what is typed is kept until saved or cancelled; by default the form's label. */
  draftKey?: string;
  initial: RuleDraft;
  kinds: readonly { value: string; label: string }[];
  /** Kind whose rules take a replacement text (cleanup's `replace`). */
  replacementKind?: string;
  /** Checks and stores the draft; a message when it was refused (nothing was stored then). */
  onSave(draft: RuleDraft): Promise<string | null>;
  onCancel(): void;
}

/** Name, pattern, flags and kind of a user rule; a refused rule keeps what was typed, and its message. */
export function RuleForm({ label, draftKey, initial, kinds, replacementKind, onSave, onCancel }: Props) {
  const [draft, setDraft, discardDraft] = useDraft(draftKey ?? `rule-form:${label}`, initial);
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const problemId = useId();
  const set = (field: keyof RuleDraft) => (event: { target: { value: string } }) => {
    setDraft({ ...draft, [field]: event.target.value });
    setProblem('');
  };
  const invalid = problem ? true : undefined;

  return (
    <form
      className="rule-form"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        if (saving) return;
        setSaving(true);
        void onSave(draft)
          .then((message) => {
            setProblem(message ?? '');
            if (message === null) discardDraft();
          })
          .finally(() => setSaving(false));
      }}
    >
      <label>
        <span>{i18n.t('setRuleName')}</span>
        <input value={draft.name} onChange={set('name')} required />
      </label>
      <label>
        <span>{i18n.t('setRulePattern')}</span>
        <input value={draft.pattern} onChange={set('pattern')} aria-invalid={invalid} aria-describedby={problem ? problemId : undefined} spellCheck={false} />
      </label>
      <div className="rule-form-row">
        <label>
          <span>{i18n.t('setRuleFlags')}</span>
          <input value={draft.flags} onChange={set('flags')} size={4} spellCheck={false} />
        </label>
        <label>
          <span>{i18n.t('setRuleKind')}</span>
          <select value={draft.kind} onChange={set('kind')}>
            {kinds.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {kind.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {replacementKind !== undefined && draft.kind === replacementKind && (
        <label>
          <span>{i18n.t('setRuleReplacement')}</span>
          <input value={draft.replacement} onChange={set('replacement')} spellCheck={false} />
        </label>
      )}
      {problem && (
        <p id={problemId} className="fill-error" role="alert">
          {problem}
        </p>
      )}
      {saving && (
        <p className="empty" role="status">
          {i18n.t('setRuleChecking')}
        </p>
      )}
      <div className="rule-form-actions">
        <button type="submit" disabled={saving}>
          {i18n.t('setRuleSave')}
        </button>
        <button
          type="button"
          onClick={() => {
            discardDraft();
            onCancel();
          }}
        >
          {i18n.t('tplCancel')}
        </button>
      </div>
    </form>
  );
}

interface RowProps {
  name: string;
  /** The pattern as the user reads it: `/pattern/flags`, and what it is replaced with. */
  pattern: string;
  kindLabel: string;
  enabled: boolean;
  onToggle(enabled: boolean): void;
  onEdit(): void;
  onDelete(): void;
}

/** One of the user's rules in a settings list: on/off, what it matches, edit and delete. */
export function RuleRow({ name, pattern, kindLabel, enabled, onToggle, onEdit, onDelete }: RowProps) {
  return (
    <li className="rule">
      <input
        type="checkbox"
        checked={enabled}
        aria-label={i18n.t('setUseRule', [name])}
        onChange={(event) => onToggle(event.target.checked)}
      />
      <span className="rule-text">
        <span className="rule-name">{name}</span>
        <code className="rule-pattern">{pattern}</code>
        <span className="rule-kind">{kindLabel}</span>
      </span>
      <span className="rule-actions">
        <button type="button" aria-label={i18n.t('setEditRuleOf', [name])} onClick={onEdit}>
          {i18n.t('setEdit')}
        </button>
        <button type="button" aria-label={i18n.t('setDeleteRuleOf', [name])} onClick={onDelete}>
          {i18n.t('setDelete')}
        </button>
      </span>
    </li>
  );
}

/** A user rule as a settings list shows it and edits it. */
export interface ListedRule {
  id: string;
  name: string;
  /** As the user reads it: `/pattern/flags`, and what it is replaced with. */
  pattern: string;
  kindLabel: string;
  enabled: boolean;
  /** What its form starts from. */
  draft: RuleDraft;
}

interface ListProps {
  /** Names the list in drafts and element ids: `cleanup`, `placeholders`. */
  name: string;
  heading: string;
  addLabel: string;
  hint?: string;
  /** Shown while the list is empty and no form is open. */
  emptyText?: string;
  listLabel: string;
  /** The form's accessible name for a new rule. */
  newLabel: string;
  rules: readonly ListedRule[];
  empty: RuleDraft;
  kinds: readonly { value: string; label: string }[];
  replacementKind?: string;
  /** Checks and stores a new rule (`old` undefined) or an edit; a message when it was refused. */
  onSave(draft: RuleDraft, old: ListedRule | undefined): Promise<string | null>;
  onToggle(rule: ListedRule, enabled: boolean): void;
  onDelete(rule: ListedRule): void;
  /** The built-in rules, after the user's own. */
  children?: React.ReactNode;
}

/**
 * One settings list of the user's rules with its add and edit forms: cleanup rules and
 * placeholder rules alike. Which form is open is kept as a draft, with what was typed in it,
 * so both come back after a tab switch or the panel closing.
 */
export function RuleList({ name, heading, addLabel, hint, emptyText, listLabel, newLabel, rules, empty, kinds, replacementKind, onSave, onToggle, onDelete, children }: ListProps) {
  const [editing, setEditing] = useDraft<string | null>(`settings.${name}-editing`, null);
  const headingId = `settings-${name}-heading`;
  const form = (old?: ListedRule) => (
    <RuleForm
      label={old ? i18n.t('setEditRuleOf', [old.name]) : newLabel}
      draftKey={`${name}-rule-form:${old?.id ?? 'new'}`}
      initial={old ? old.draft : empty}
      kinds={kinds}
      replacementKind={replacementKind}
      onSave={async (draft) => {
        const problem = await onSave(draft, old);
        if (problem === null) setEditing(null);
        return problem;
      }}
      onCancel={() => setEditing(null)}
    />
  );
  return (
    <section className="settings-part" aria-labelledby={headingId}>
      <div className="section-head">
        <h3 id={headingId}>{heading}</h3>
        <button type="button" onClick={() => setEditing('new')} disabled={editing === 'new'}>
          {addLabel}
        </button>
      </div>
      {hint && <p className="settings-hint">{hint}</p>}
      {editing === 'new' && form()}
      {emptyText && rules.length === 0 && editing !== 'new' && <p className="empty">{emptyText}</p>}
      <ul className="rule-list" aria-label={listLabel}>
        {rules.map((rule) =>
          editing === rule.id ? (
            <li key={rule.id}>{form(rule)}</li>
          ) : (
            <RuleRow
              key={rule.id}
              name={rule.name}
              pattern={rule.pattern}
              kindLabel={rule.kindLabel}
              enabled={rule.enabled}
              onToggle={(enabled) => onToggle(rule, enabled)}
              onEdit={() => setEditing(rule.id)}
              onDelete={() => onDelete(rule)}
            />
          ),
        )}
      </ul>
      {children}
    </section>
  );
}
