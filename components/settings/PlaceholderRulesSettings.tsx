import { useLiveQuery } from 'dexie-react-hooks';
import { database, newId } from '@/utils/db/database';
import type { PlaceholderRuleRecord } from '@/utils/db/schema';
import { BUILT_IN_RULES, type BuiltInRuleInfo, type PlaceholderKind } from '@/utils/report/placeholders';
import { checkPlaceholderRuleFields, PLACEHOLDER_KINDS } from '@/utils/settings/placeholder-rules';
import { checkPatternOffThread } from '@/utils/workers/rules-client';
import { KIND_NAMES } from '../common/kind-names';
import { patternProblemText } from './pattern-problem-text';
import { PlaceholderKindsSettings } from './PlaceholderKindsSettings';
import { RuleList, type RuleDraft } from './RuleForm';
import { useActionStatus } from '../common/action-status';
import { i18n } from '#i18n';

const KINDS = PLACEHOLDER_KINDS.map((kind) => ({ value: kind, label: KIND_NAMES[kind] }));

/** A built-in rule's kind as the table shows it: `By its name, else Field` for one typed by its name or label. */
function kindOfRule(rule: BuiltInRuleInfo): string {
  const kind = KIND_NAMES[rule.kind];
  if (rule.typedBy === undefined) return kind;
  return rule.typedBy === 'name' ? i18n.t('kindByName', [kind]) : i18n.t('kindByLabel', [kind]);
}
const EMPTY: RuleDraft = { name: '', pattern: '', flags: '', kind: 'free', replacement: '' };
const kindName = (kind: string) => KIND_NAMES[kind as PlaceholderKind] ?? kind;

const BUILT_IN_NAMES: Record<(typeof BUILT_IN_RULES)[number]['id'], string> = {
  'x-year': i18n.t('bphYear'),
  'x-year-range': i18n.t('bphYearRange'),
  'x-month': i18n.t('bphMonth'),
  'x-day': i18n.t('bphDay'),
  'x-dotted-date': i18n.t('bphDottedDate'),
  'x-count': i18n.t('bphCount'),
  'x-amount': i18n.t('bphAmount'),
  'x-number': i18n.t('bphNumber'),
  'x-code': i18n.t('bphCode'),
  'x-percent': i18n.t('bphPercent'),
  'x-place': i18n.t('bphPlace'),
  'x-person': i18n.t('bphPerson'),
  'x-capital': i18n.t('bphCapital'),
  'x-other': i18n.t('bphOther'),
  circles: i18n.t('bphCircles'),
  mou: i18n.t('bphMou'),
  label: i18n.t('bphLabel'),
  'blank-brackets': i18n.t('bphBlankBrackets'),
  'blank-parens': i18n.t('bphBlankParens'),
  underscores: i18n.t('bphUnderscores'),
  mustache: i18n.t('bphMustache'),
  'square-label': i18n.t('bphSquareLabel'),
  'angle-label': i18n.t('bphAngleLabel'),
  todo: i18n.t('bphTodo'),
  pending: i18n.t('bphPending'),
  ellipsis: i18n.t('bphEllipsis'),
  'time-mask': i18n.t('bphTimeMask'),
  mask: i18n.t('bphMask'),
  'date-blank': i18n.t('bphDateBlank'),
  'merge-field': i18n.t('bphMergeField'),
  'word-prompt': i18n.t('bphWordPrompt'),
  instruction: i18n.t('bphInstruction'),
  'bracket-note': i18n.t('bphBracketNote'),
  'drafting-note': i18n.t('bphDraftingNote'),
  'space-field': i18n.t('bphSpaceField'),
  'space-gap': i18n.t('bphSpaceGap'),
  'sign-place': i18n.t('bphSignPlace'),
  'tick-box': i18n.t('bphTickBox'),
  'stand-in': i18n.t('bphStandIn'),
};

function newRecord(rule: Pick<PlaceholderRuleRecord, 'name' | 'pattern' | 'flags' | 'kind'>): PlaceholderRuleRecord {
  return { id: newId(), ...rule, enabled: true, createdAt: Date.now() };
}

/**
 * The user's placeholder rules: the checklist uses the ones that are on at once. A rule is
 * written only when its pattern passes the check, so a refused edit leaves the stored rule.
 */
export function PlaceholderRulesSettings() {
  const status = useActionStatus();
  const onStatus = status.report;
  const rules = useLiveQuery(() => database().placeholderRules.orderBy('name').toArray(), []);
  if (!rules) return null;
  const stored = new Map(rules.map((rule) => [rule.id, rule]));

  const save = async (draft: RuleDraft, oldId: string | undefined): Promise<string | null> => {
    const check = checkPlaceholderRuleFields(draft);
    if (!check.ok) return i18n.t('setRuleRefused', [patternProblemText(check.message)]);
    // The pattern's trials run in a worker: a slow pattern cannot freeze the panel while it is judged.
    const trial = await checkPatternOffThread(check.rule.pattern, check.rule.flags);
    if (!trial.ok) return i18n.t('setRuleRefused', ['tooLong' in trial ? i18n.t('setRuleTrialTooLong') : patternProblemText(trial.message)]);
    const old = oldId === undefined ? undefined : stored.get(oldId);
    const record: PlaceholderRuleRecord = old ? { ...old, ...check.rule } : newRecord(check.rule);
    await database().placeholderRules.put(record);
    onStatus(i18n.t('setRuleSaved', [record.name]), 'ok');
    return null;
  };

  return (
    <RuleList
      status={status}
      name="placeholders"
      heading={i18n.t('setPlaceholderRules')}
      addLabel={i18n.t('setAddPlaceholderRule')}
      emptyText={i18n.t('setNoRules')}
      listLabel={i18n.t('setYourPlaceholderRules')}
      newLabel={i18n.t('setNewPlaceholderRule')}
      textLabel={i18n.t('setRuleText')}
      rules={rules.map((rule) => ({
        id: rule.id,
        name: rule.name,
        kindLabel: kindName(rule.kind),
        enabled: rule.enabled,
        draft: { ...EMPTY, name: rule.name, pattern: rule.pattern, flags: rule.flags, kind: rule.kind },
      }))}
      empty={EMPTY}
      kinds={KINDS}
      onSave={(draft, old) => save(draft, old?.id)}
      onToggle={(rule, enabled) => void database().placeholderRules.update(rule.id, { enabled })}
      onDelete={(rule) => {
        void database().placeholderRules.delete(rule.id);
        onStatus(i18n.t('setRuleDeleted', [rule.name]), 'ok');
      }}
    >
      <PlaceholderKindsSettings />
      <details className="built-in-rules">
        <summary>{i18n.t('setBuiltInRules', [String(BUILT_IN_RULES.length)])}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{i18n.t('setRuleName')}</th>
              <th scope="col">{i18n.t('setRuleKind')}</th>
              <th scope="col">{i18n.t('setExamples')}</th>
            </tr>
          </thead>
          <tbody>
            {BUILT_IN_RULES.map((rule) => (
              <tr key={rule.id}>
                <td>{BUILT_IN_NAMES[rule.id]}</td>
                <td>{kindOfRule(rule)}</td>
                <td lang="zh-CN">{rule.example}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </RuleList>
  );
}
