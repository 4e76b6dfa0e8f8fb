import { useLiveQuery } from 'dexie-react-hooks';
import { database, newId } from '@/utils/db/database';
import { DEFAULT_CLEANUP_RULES, type CleanupRule } from '@/utils/report/cleanup';
import {
  checkOwnCleanupRule,
  withBuiltInSwitched,
  withOwnRule,
  withoutOwnRule,
  type CleanupSettings,
} from '@/utils/settings/cleanup-settings';
import { cleanupSettings, setCleanupSettings } from '@/utils/settings/store';
import { RuleForm, RuleRow, type RuleDraft } from './RuleForm';
import { ruleName } from './SampleImport';
import { useDraft } from './useDraft';
import { i18n } from '#i18n';

interface Props {
  onStatus(text: string, tone: 'ok' | 'error'): void;
}

const KINDS: readonly { value: CleanupRule['kind']; label: string }[] = [
  { value: 'remove-line', label: i18n.t('setKindRemoveLine') },
  { value: 'remove', label: i18n.t('setKindRemove') },
  { value: 'replace', label: i18n.t('setKindReplace') },
];
const EMPTY: RuleDraft = { name: '', pattern: '', flags: '', kind: 'remove-line', replacement: '' };
const kindName = (kind: CleanupRule['kind']) => KINDS.find((k) => k.value === kind)?.label ?? kind;

/** The cleanup rules sample import starts from: built-in ones on or off, and the user's own. */
export function CleanupRulesSettings({ onStatus }: Props) {
  const settings = useLiveQuery(() => cleanupSettings(database()), []);
  // Which form is open, kept with the form's own draft so that both come back after the panel closes.
  const [editing, setEditing] = useDraft<string | null>('settings.cleanup-editing', null);
  if (!settings) return null;
  const off = new Set(settings.off);
  // Read afresh for each change: another window of the panel may have changed the rules meanwhile.
  const update = async (change: (current: CleanupSettings) => CleanupSettings) =>
    setCleanupSettings(database(), change(await cleanupSettings(database())));

  const save = async (draft: RuleDraft, old: CleanupRule | undefined): Promise<string | null> => {
    const rule: CleanupRule = {
      id: old?.id ?? newId(),
      name: draft.name.trim(),
      kind: draft.kind as CleanupRule['kind'],
      pattern: draft.pattern,
      enabled: old?.enabled ?? true,
    };
    if (draft.flags.trim()) rule.flags = draft.flags.trim();
    if (rule.kind === 'replace') rule.replacement = draft.replacement;
    const check = checkOwnCleanupRule(rule);
    if (!check.ok) return i18n.t('setRuleRefused', [check.message]);
    await update((current) => withOwnRule(current, rule));
    setEditing(null);
    onStatus(i18n.t('setRuleSaved', [rule.name]), 'ok');
    return null;
  };

  const form = (old?: CleanupRule) => (
    <RuleForm
      label={old ? i18n.t('setEditRuleOf', [old.name]) : i18n.t('setNewCleanupRule')}
      draftKey={`cleanup-rule-form:${old?.id ?? 'new'}`}
      initial={old ? { name: old.name, pattern: old.pattern, flags: old.flags ?? '', kind: old.kind, replacement: old.replacement ?? '' } : EMPTY}
      kinds={KINDS}
      replacementKind="replace"
      onSave={(draft) => save(draft, old)}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <section className="settings-part" aria-labelledby="settings-cleanup-heading">
      <div className="section-head">
        <h3 id="settings-cleanup-heading">{i18n.t('setCleanupRules')}</h3>
        <button type="button" onClick={() => setEditing('new')} disabled={editing === 'new'}>
          {i18n.t('setAddCleanupRule')}
        </button>
      </div>
      <p className="settings-hint">{i18n.t('setCleanupHint')}</p>
      {editing === 'new' && form()}
      <ul className="rule-list" aria-label={i18n.t('setYourCleanupRules')}>
        {settings.own.map((rule) =>
          editing === rule.id ? (
            <li key={rule.id}>{form(rule)}</li>
          ) : (
            <RuleRow
              key={rule.id}
              name={rule.name}
              pattern={`/${rule.pattern}/${rule.flags ?? ''}${rule.kind === 'replace' ? ` → ${rule.replacement ?? ''}` : ''}`}
              kindLabel={kindName(rule.kind)}
              enabled={rule.enabled}
              onToggle={(enabled) => void update((current) => withOwnRule(current, { ...rule, enabled }))}
              onEdit={() => setEditing(rule.id)}
              onDelete={() => {
                void update((current) => withoutOwnRule(current, rule.id));
                onStatus(i18n.t('setRuleDeleted', [rule.name]), 'ok');
              }}
            />
          ),
        )}
      </ul>
      <ul className="rule-list built-in" aria-label={i18n.t('setBuiltInCleanupRules')}>
        {DEFAULT_CLEANUP_RULES.map((rule) => (
          <li key={rule.id}>
            <label>
              <input
                type="checkbox"
                checked={!off.has(rule.id)}
                onChange={(event) => {
                  const enabled = event.target.checked;
                  void update((current) => withBuiltInSwitched(current, rule.id, enabled));
                }}
              />{' '}
              {ruleName(rule)}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
