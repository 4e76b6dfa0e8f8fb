import { useId, useState } from 'react';
import { literalOf, literalOfReplacement, literalPattern, literalReplacement } from '@/utils/report/literal-pattern';
import { useDraft } from '../common/useDraft';
import { ActionStatus, type ActionStatusHandle } from '../common/action-status';
import { i18n } from '#i18n';

/** A rule as the form edits it; each settings list turns it into its own record. */
export interface RuleDraft {
  name: string;
  pattern: string;
  flags: string;
  kind: string;
  replacement: string;
}

/**
 * What the form holds: the rule as plain text (found literally) unless Advanced is open, where
 * the regular expression and its flags are written instead.
 */
interface FormDraft {
  name: string;
  kind: string;
  advanced: boolean;
  /** The word or sign, as written. */
  text: string;
  pattern: string;
  flags: string;
  /** In plain mode the text put in as written; in Advanced, String.replace's ($1, $&). */
  replacement: string;
}

/** A stored rule opens as plain text when its pattern is the escape of one, else under Advanced. */
function formDraftOf(rule: RuleDraft): FormDraft {
  const text = literalOf(rule.pattern, rule.flags);
  const replacement = literalOfReplacement(rule.replacement);
  const plain = rule.pattern === '' || (text !== null && replacement !== null);
  return {
    name: rule.name,
    kind: rule.kind,
    advanced: !plain,
    text: plain ? (text ?? '') : '',
    pattern: rule.pattern,
    flags: rule.flags,
    replacement: plain ? (replacement ?? '') : rule.replacement,
  };
}

function ruleDraftOf(form: FormDraft): RuleDraft {
  if (form.advanced) return { name: form.name, kind: form.kind, pattern: form.pattern, flags: form.flags, replacement: form.replacement };
  return { name: form.name, kind: form.kind, pattern: literalPattern(form.text), flags: '', replacement: literalReplacement(form.replacement) };
}

/** A rule as its list shows it: the plain text in quotes, or `/pattern/flags`; and what replaces it. */
export function ruleShown(rule: RuleDraft, replaces: boolean): string {
  const text = literalOf(rule.pattern, rule.flags);
  const replacement = literalOfReplacement(rule.replacement);
  if (text !== null && (!replaces || replacement !== null)) return `“${text}”${replaces ? ` → “${replacement}”` : ''}`;
  return `/${rule.pattern}/${rule.flags}${replaces ? ` → ${rule.replacement}` : ''}`;
}

interface Props {
  /** The form's accessible name: which rule it adds or edits. */
  label: string;
  /** Where what is typed is kept until saved or cancelled; by default the form's label. */
  draftKey?: string;
  initial: RuleDraft;
  /** The plain-text field's label: what the word or sign is for. */
  textLabel: string;
  kinds: readonly { value: string; label: string }[];
  /** Kind whose rules take a replacement text (cleanup's `replace`). */
  replacementKind?: string;
  /** Checks and stores the draft; a message when it was refused (nothing was stored then). */
  onSave(draft: RuleDraft): Promise<string | null>;
  onCancel(): void;
}

/**
 * Name, text and kind of a user rule, with the regular expression and flags under Advanced; a
 * refused rule keeps what was typed, and its message.
 */
export function RuleForm({ label, draftKey, initial, textLabel, kinds, replacementKind, onSave, onCancel }: Props) {
  const [kept, setDraft, discardDraft] = useDraft<FormDraft | RuleDraft>(draftKey ?? `rule-form:${label}`, formDraftOf(initial));
  // A draft kept before rules could be plain text holds the pattern alone.
  const draft = 'advanced' in kept ? kept : formDraftOf(kept);
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const problemId = useId();
  const textHintId = useId();
  const advancedHintId = useId();
  const set = (field: 'name' | 'kind' | 'text' | 'pattern' | 'flags' | 'replacement') => (event: { target: { value: string } }) => {
    setDraft({ ...draft, [field]: event.target.value });
    setProblem('');
  };
  const invalid = problem ? true : undefined;
  const describedBy = (hintId: string) => [problem ? problemId : '', hintId].filter(Boolean).join(' ');

  return (
    <form
      className="rule-form"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        if (saving) return;
        if (!draft.advanced && draft.text === '') {
          setProblem(i18n.t('setRuleTextMissing'));
          return;
        }
        setSaving(true);
        void onSave(ruleDraftOf(draft))
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
        <span>{textLabel}</span>
        <input
          value={draft.text}
          onChange={set('text')}
          disabled={draft.advanced}
          aria-invalid={!draft.advanced ? invalid : undefined}
          aria-describedby={describedBy(textHintId)}
          spellCheck={false}
        />
        <span className="hint" id={textHintId}>
          {i18n.t('setRuleTextHint')}
        </span>
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
      {replacementKind !== undefined && draft.kind === replacementKind && (
        <label>
          <span>{i18n.t('setRuleReplacement')}</span>
          <input value={draft.replacement} onChange={set('replacement')} spellCheck={false} />
        </label>
      )}
      <details
        className="rule-advanced"
        open={draft.advanced}
        onToggle={(event) => {
          const open = event.currentTarget.open;
          if (open === draft.advanced) return;
          // Opening Advanced starts the pattern from the text written so far; closing it goes back to the text.
          setDraft({ ...draft, advanced: open, pattern: open && draft.pattern === '' ? literalPattern(draft.text) : draft.pattern });
          setProblem('');
        }}
      >
        <summary>{i18n.t('setAdvanced')}</summary>
        <p className="hint" id={advancedHintId}>
          {i18n.t('setAdvancedHint')}
        </p>
        <label>
          <span>{i18n.t('setRulePattern')}</span>
          <input
            value={draft.pattern}
            onChange={set('pattern')}
            aria-invalid={draft.advanced ? invalid : undefined}
            aria-describedby={describedBy(advancedHintId)}
            spellCheck={false}
          />
        </label>
        <label>
          <span>{i18n.t('setRuleFlags')}</span>
          <input value={draft.flags} onChange={set('flags')} size={4} spellCheck={false} />
        </label>
      </details>
      {problem && (
        <p id={problemId} className="fill-error" role="alert">
          {problem}
        </p>
      )}
      {saving && (
        <p className="hint" role="status">
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
  /** What it finds as the user reads it: “text” or `/pattern/flags`, and what replaces it. */
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
  kindLabel: string;
  enabled: boolean;
  /** What its form starts from, and what its row shows. */
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
  /** The label of the form's plain-text field. */
  textLabel: string;
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
  /** Where saving and deleting are said, under the list's heading. */
  status: ActionStatusHandle;
}

/**
 * One settings list of the user's rules with its add and edit forms: cleanup rules and
 * placeholder rules alike. Which form is open is kept as a draft, with what was typed in it,
 * so both come back after a tab switch or the panel closing.
 */
export function RuleList({ name, heading, addLabel, hint, emptyText, listLabel, newLabel, textLabel, rules, empty, kinds, replacementKind, onSave, onToggle, onDelete, children, status }: ListProps) {
  const [editing, setEditing] = useDraft<string | null>(`settings.${name}-editing`, null);
  const headingId = `settings-${name}-heading`;
  const form = (old?: ListedRule) => (
    <RuleForm
      label={old ? i18n.t('setEditRuleOf', [old.name]) : newLabel}
      draftKey={`${name}-rule-form:${old?.id ?? 'new'}`}
      initial={old ? old.draft : empty}
      textLabel={textLabel}
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
      {hint && <p className="hint">{hint}</p>}
      <ActionStatus of={status} />
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
              pattern={ruleShown(rule.draft, replacementKind !== undefined && rule.draft.kind === replacementKind)}
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
