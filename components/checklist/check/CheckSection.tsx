import { useId, useState, type ReactNode } from 'react';
import type { CheckRuleInfo, Finding } from '@/utils/report/check';
import { countText } from '@/utils/plural';
import { ChangePreview } from '../../common/ChangePreview';
import { ActionStatus, useActionStatus, type ActionStatusHandle } from '../../common/action-status';
import { failureText } from '../../target/failure-text';
import type { SendToTarget } from '../../target/useTabEditors';
import { findingMessage, ruleName, ruleSource } from './check-text';
import { switchCheckRule, type CheckResult, type RuleFindings } from './useCheckFindings';
import { i18n } from '#i18n';
import './check.css';

/** Where the section's own messages go: under its heading. */
const SECTION = 'check';
/** Words shown either side of a finding in its row, and in the fix-all preview. */
const CONTEXT_CHARS = 10;
const PREVIEW_CONTEXT_CHARS = 16;
/** Rows shown of one rule until the writer asks for all of them. */
const FIRST_ROWS = 20;

const SEVERITY_NAMES = {
  error: i18n.t('checkSeverityError'),
  warning: i18n.t('checkSeverityWarning'),
  info: i18n.t('checkSeverityInfo'),
} as const;

const rowKeyOf = (finding: Finding) => `${finding.rule}:${finding.start}:${finding.end}`;

/** Spaces and line breaks made visible, so that a flagged double space or line break is seen. */
const shown = (text: string) => (text === '' ? '‸' : text.replace(/\r?\n/g, '↵').replace(/ /g, '␣'));

/** The words before a finding, on its line, and after it. */
function around(text: string, finding: Finding, chars: number): [string, string] {
  const lineStart = text.lastIndexOf('\n', finding.start - 1) + 1;
  const lineEnd = text.indexOf('\n', finding.end);
  const before = text.slice(Math.max(lineStart, finding.start - chars), finding.start);
  const after = text.slice(finding.end, Math.min(lineEnd < 0 ? text.length : lineEnd, finding.end + chars));
  return [before, after];
}

/** The fixable findings of a list that can be made together: none overlapping the one before. */
function fixable(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    if (finding.fix === undefined) continue;
    const last = out.at(-1);
    if (!last || finding.start >= last.end) out.push(finding);
  }
  return out;
}

interface Props {
  check: CheckResult | null;
  send: SendToTarget;
}

/**
 * The pre-submission check of the target's document, by rule: each finding with the words
 * around it, to go to in the editor or to fix; a rule's fixes all at once after a preview; a
 * rule switched off (Settings switches it back on).
 */
export function CheckSection({ check, send }: Props) {
  const status = useActionStatus();
  const headingId = useId();
  const [pending, setPending] = useState<{ rule: CheckRuleInfo; findings: Finding[]; text: string } | null>(null);
  const [current, setCurrent] = useState<string | null>(null);

  /** Every fix in one request, each target checked against the text it was found in. */
  const applyFixes = async (findings: Finding[], text: string, where: string) => {
    const result = await send<'replace-each'>({
      type: 'replace-each',
      edits: findings.map((f) => ({ start: f.start, end: f.end, text: f.fix!, expected: text.slice(f.start, f.end) })),
    });
    if (result.ok) status.report(countText('checkFixed', findings.length, [String(findings.length)]), 'ok', { where });
    else if ('applied' in result && result.applied > 0) {
      status.report(countText('editsStopped', findings.length, [String(result.applied), String(findings.length), failureText(result)]), 'error', { where });
    } else status.report(failureText(result), 'error', { where });
  };

  const goTo = async (finding: Finding, text: string) => {
    setCurrent(rowKeyOf(finding));
    const result = await send<'select'>({ type: 'select', start: finding.start, end: finding.end, text: text.slice(finding.start, finding.end) });
    if (result.ok) status.report(i18n.t('selectedTypeInPage'), 'ok', { where: rowKeyOf(finding) });
    else status.report(failureText(result), 'error', { where: rowKeyOf(finding) });
  };

  const switchOff = async (rule: CheckRuleInfo) => {
    setPending((p) => (p?.rule.id === rule.id ? null : p));
    await switchCheckRule(rule.id, false);
    status.report(i18n.t('checkRuleSwitchedOff', [ruleName(rule)]), 'ok', { where: SECTION });
  };

  const groups = check?.groups ?? [];
  // A message about a row or a rule that has gone (its last finding fixed) is said under the heading.
  const places = new Set(groups.flatMap((g) => [g.rule.id, ...g.findings.map(rowKeyOf)]));
  const where = status.current?.where;
  const orphaned = where !== undefined && where !== SECTION && !places.has(where);

  // The preview opens in the rule's own group, under the Fix all that asked for it.
  const preview = pending && (
    <ChangePreview
      label={i18n.t('checkFixAllPreview', [ruleName(pending.rule)])}
      summary={countText('checkFixAllSummary', pending.findings.length, [String(pending.findings.length)])}
      items={pending.findings.map((f) => ({
        key: rowKeyOf(f),
        before: pending.text.slice(f.start, f.end),
        after: f.fix,
        around: around(pending.text, f, PREVIEW_CONTEXT_CHARS),
      }))}
      confirmLabel={countText('checkFixAllConfirm', pending.findings.length, [String(pending.findings.length)])}
      onConfirm={() => {
        setPending(null);
        void applyFixes(pending.findings, pending.text, pending.rule.id);
      }}
      onCancel={() => setPending(null)}
    />
  );

  return (
    <section className="check" aria-labelledby={headingId}>
      <div className="check-head">
        <h2 id={headingId}>{i18n.t('checkHeading')}</h2>
        {check && groups.length > 0 && (
          <span className="check-counts">{i18n.t('checkCounts', [String(check.counts.error), String(check.counts.warning), String(check.counts.info)])}</span>
        )}
      </div>
      <ActionStatus of={status} where={orphaned ? where : SECTION} />
      {!check ? (
        <p className="empty">{i18n.t('checkChecking')}</p>
      ) : check.failed ? (
        <p className="fill-error">{i18n.t('checkFailed')}</p>
      ) : groups.length === 0 ? (
        <p className="check-none">{i18n.t('checkNone')}</p>
      ) : (
        <ul className="check-rules">
          {groups.map((group) => (
            <RuleGroup
              key={group.rule.id}
              group={group}
              text={check.text}
              current={current}
              status={status}
              onGoTo={(f) => void goTo(f, check.text)}
              onFix={(f) => void applyFixes([f], check.text, group.rule.id)}
              onFixAll={(findings) => setPending({ rule: group.rule, findings, text: check.text })}
              onSwitchOff={() => void switchOff(group.rule)}
              preview={pending?.rule.id === group.rule.id ? preview : null}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface GroupProps {
  group: RuleFindings;
  text: string;
  current: string | null;
  status: ActionStatusHandle;
  onGoTo(finding: Finding): void;
  onFix(finding: Finding): void;
  onFixAll(findings: Finding[]): void;
  onSwitchOff(): void;
  /** The fix-all preview, when it is this rule's. */
  preview: ReactNode;
}

/** One rule: its name said once, how many it found, where it comes from, then its findings. */
function RuleGroup({ group, text, current, status, onGoTo, onFix, onFixAll, onSwitchOff, preview }: GroupProps) {
  const { rule, findings } = group;
  const nameId = useId();
  const [all, setAll] = useState(false);
  const fixes = fixable(findings);
  const rows = all ? findings : findings.slice(0, FIRST_ROWS);
  const severity = findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'info';
  return (
    <li className={`check-rule ${severity}`} aria-labelledby={nameId}>
      <div className="check-rule-head">
        <span className="check-rule-title">
          <span className="check-severity">{SEVERITY_NAMES[severity]}</span>{' '}
          <span className="check-rule-name" id={nameId}>
            {ruleName(rule)}
          </span>{' '}
          <span className="check-rule-count">{findings.length}</span>
        </span>
        <span className="check-rule-actions">
          {fixes.length > 1 && (
            <button type="button" aria-describedby={nameId} onClick={() => onFixAll(fixes)}>
              {i18n.t('checkFixAll')}
            </button>
          )}
          <button type="button" className="quiet" aria-label={i18n.t('checkSwitchOff')} aria-describedby={nameId} onClick={onSwitchOff}>
            {i18n.t('checkSwitchOffShort')}
          </button>
        </span>
        <span className="check-clause">{ruleSource(rule)}</span>
      </div>
      {preview}
      <ActionStatus of={status} where={rule.id} />
      <ul className="findings" aria-labelledby={nameId}>
        {rows.map((finding) => (
          <FindingRow
            key={rowKeyOf(finding)}
            finding={finding}
            text={text}
            isCurrent={current === rowKeyOf(finding)}
            status={status}
            onGoTo={onGoTo}
            onFix={onFix}
          />
        ))}
      </ul>
      {rows.length < findings.length && (
        <button type="button" className="quiet check-more" onClick={() => setAll(true)}>
          {i18n.t('checkShowAll', [String(findings.length)])}
        </button>
      )}
    </li>
  );
}

interface RowProps {
  finding: Finding;
  text: string;
  isCurrent: boolean;
  status: ActionStatusHandle;
  onGoTo(finding: Finding): void;
  onFix(finding: Finding): void;
}

/** One finding on one line: the words around it, what Fix would write, Go to and Fix. */
function FindingRow({ finding, text, isCurrent, status, onGoTo, onFix }: RowProps) {
  const contextId = useId();
  const messageId = useId();
  const [before, after] = around(text, finding, CONTEXT_CHARS);
  const message = findingMessage(finding);
  const key = rowKeyOf(finding);
  return (
    <li className={isCurrent ? 'finding current' : 'finding'} title={message}>
      <div className="finding-line">
        <span className="context" id={contextId}>
          <span className="before" dir="rtl">
            <bdi dir="ltr">{before}</bdi>
          </span>
          <mark>{shown(text.slice(finding.start, finding.end))}</mark>
          {finding.fix !== undefined && <ins>{shown(finding.fix)}</ins>}
          <span className="after">{after}</span>
        </span>
        <button type="button" aria-describedby={`${contextId} ${messageId}`} onClick={() => onGoTo(finding)}>
          {i18n.t('checkGoTo')}
        </button>
        {finding.fix !== undefined && (
          <button type="button" aria-describedby={`${contextId} ${messageId}`} onClick={() => onFix(finding)}>
            {i18n.t('checkFix')}
          </button>
        )}
      </div>
      {/* Said to a screen reader with each button; shown under the row once the writer went to it. */}
      <p className={isCurrent ? 'finding-message' : 'visually-hidden'} id={messageId}>
        {message}
      </p>
      <ActionStatus of={status} where={key} />
    </li>
  );
}
