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
import { cleanupSettings, setCleanupSettings } from '@/utils/db/settings';
import { patternProblemText } from './pattern-problem-text';
import { RuleList, type RuleDraft } from './RuleForm';
import { ruleName } from '../sample-import/SampleImport';
import { useActionStatus } from '../common/action-status';
import { i18n } from '#i18n';

const KINDS: readonly { value: CleanupRule['kind']; label: string }[] = [
  { value: 'remove-line', label: i18n.t('setKindRemoveLine') },
  { value: 'remove', label: i18n.t('setKindRemove') },
  { value: 'replace', label: i18n.t('setKindReplace') },
];
const EMPTY: RuleDraft = { name: '', pattern: '', flags: '', kind: 'remove-line', replacement: '' };
const kindName = (kind: CleanupRule['kind']) => KINDS.find((k) => k.value === kind)?.label ?? kind;

/** The cleanup rules sample import starts from: built-in ones on or off, and the user's own. */
export function CleanupRulesSettings() {
  const status = useActionStatus();
  const onStatus = status.report;
  const settings = useLiveQuery(() => cleanupSettings(database()), []);
  if (!settings) return null;
  const off = new Set(settings.off);
  // Read afresh for each change: another window of the panel may have changed the rules meanwhile.
  const update = async (change: (current: CleanupSettings) => CleanupSettings) =>
    setCleanupSettings(database(), change(await cleanupSettings(database())));
  const own = new Map(settings.own.map((rule) => [rule.id, rule]));

  const save = async (draft: RuleDraft, oldId: string | undefined): Promise<string | null> => {
    const old = oldId === undefined ? undefined : own.get(oldId);
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
    if (!check.ok) return i18n.t('setRuleRefused', [patternProblemText(check.message)]);
    await update((current) => withOwnRule(current, rule));
    onStatus(i18n.t('setRuleSaved', [rule.name]), 'ok');
    return null;
  };

  return (
    <RuleList
      status={status}
      name="cleanup"
      heading={i18n.t('setCleanupRules')}
      addLabel={i18n.t('setAddCleanupRule')}
      hint={i18n.t('setCleanupHint')}
      listLabel={i18n.t('setYourCleanupRules')}
      newLabel={i18n.t('setNewCleanupRule')}
      textLabel={i18n.t('setCleanupText')}
      rules={settings.own.map((rule) => ({
        id: rule.id,
        name: rule.name,
        kindLabel: kindName(rule.kind),
        enabled: rule.enabled,
        draft: { name: rule.name, pattern: rule.pattern, flags: rule.flags ?? '', kind: rule.kind, replacement: rule.replacement ?? '' },
      }))}
      empty={EMPTY}
      kinds={KINDS}
      replacementKind="replace"
      onSave={(draft, old) => save(draft, old?.id)}
      onToggle={(rule, enabled) => void update((current) => withOwnRule(current, { ...own.get(rule.id)!, enabled }))}
      onDelete={(rule) => {
        void update((current) => withoutOwnRule(current, rule.id));
        onStatus(i18n.t('setRuleDeleted', [rule.name]), 'ok');
      }}
    >
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
    </RuleList>
  );
}
