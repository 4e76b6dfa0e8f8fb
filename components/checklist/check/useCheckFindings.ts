import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { database } from '@/utils/db/database';
import { checkRulesOff, setCheckRulesOff } from '@/utils/db/settings';
import { CHECK_RULES, type CheckRuleId, type CheckRuleInfo, type CheckSeverity, type Finding } from '@/utils/report/check';
import { startDocumentChecker, type DocumentChecker } from '@/utils/workers/check-client';
import type { DocumentState } from '../../target/useTargetDocument';

/**
 * Rules the panel never runs: unfilled placeholders are the checklist's own list, above the
 * check, with the user's placeholder rules.
 */
export const LEFT_TO_THE_CHECKLIST: readonly CheckRuleId[] = ['placeholder'];

/** The rules the panel shows and the user may switch: every rule but the checklist's. */
export const PANEL_RULES: readonly CheckRuleInfo[] = CHECK_RULES.filter((rule) => !LEFT_TO_THE_CHECKLIST.includes(rule.id));

const SEVERITY_ORDER: Record<CheckSeverity, number> = { error: 0, warning: 1, info: 2 };

export interface RuleFindings {
  rule: CheckRuleInfo;
  findings: Finding[];
}

export interface CheckResult {
  /** The text the findings are of: a moment behind the editor while the worker checks. */
  text: string;
  /** Findings of rules that are on, grouped by rule: errors first, then in the rules' order. */
  groups: RuleFindings[];
  /** How many findings of each severity. */
  counts: Record<CheckSeverity, number>;
  /** Whether the findings are of the document as the panel has it now. */
  current: boolean;
  /** The engine failed on the text: no findings can be trusted. */
  failed: boolean;
}

/** Switches one rule of the check on or off, read afresh: another panel may have switched others. */
export async function switchCheckRule(id: CheckRuleId, on: boolean): Promise<void> {
  const off = await checkRulesOff(database());
  await setCheckRulesOff(database(), on ? off.filter((other) => other !== id) : [...off, id]);
}

/** The rules of the check the user switched off (settings storage); undefined while it loads. */
export function useCheckRulesOff(): readonly string[] | undefined {
  return useLiveQuery(() => checkRulesOff(database()), []);
}

/**
 * The pre-submission check of the target's document, kept up to date as it changes. The check
 * runs in a worker (utils/workers/check.worker.ts), on the lines each edit touched.
 */
export function useCheckFindings(state: DocumentState): CheckResult | null {
  const off = useCheckRulesOff();
  const [checked, setChecked] = useState<{ text: string; findings: Finding[] | null } | null>(null);
  const checker = useRef<DocumentChecker | null>(null);
  useEffect(() => {
    const started = startDocumentChecker((text, findings) => setChecked({ text, findings }));
    checker.current = started;
    return () => {
      started.stop();
      checker.current = null;
    };
  }, []);

  const text = state.status === 'watching' ? state.text : null;
  useEffect(() => {
    if (text !== null && off) checker.current?.check(text, [...off, ...LEFT_TO_THE_CHECKLIST]);
  }, [text, off]);

  return useMemo(() => {
    if (text === null || !checked || !off) return null;
    // A rule switched off goes at once, before the worker has checked again without it.
    const switchedOff = new Set<string>(off);
    const byRule = new Map<CheckRuleId, Finding[]>();
    const counts: Record<CheckSeverity, number> = { error: 0, warning: 0, info: 0 };
    for (const finding of checked.findings ?? []) {
      if (switchedOff.has(finding.rule) || LEFT_TO_THE_CHECKLIST.includes(finding.rule)) continue;
      const list = byRule.get(finding.rule);
      if (list) list.push(finding);
      else byRule.set(finding.rule, [finding]);
      counts[finding.severity]++;
    }
    const groups = PANEL_RULES.filter((rule) => byRule.has(rule.id))
      .map((rule) => ({ rule, findings: byRule.get(rule.id)! }))
      .sort((a, b) => worst(a) - worst(b));
    return { text: checked.text, groups, counts, current: checked.text === text, failed: checked.findings === null };
  }, [text, checked, off]);
}

/** A rule's most severe finding, for ordering: a rule's findings may differ from its default. */
const worst = (group: RuleFindings) => Math.min(...group.findings.map((f) => SEVERITY_ORDER[f.severity]));
