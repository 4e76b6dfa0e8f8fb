/**
 * The cleanup rules sample import uses: the built-in ones, some switched off, and the user's own.
 * Kept as one JSON value in the settings table; read back defensively, since storage (or a
 * hand-edited backup) may hold anything. Pure: strings in, plain data out.
 */
import { DEFAULT_CLEANUP_RULES, validateCleanupRule, type CleanupRule, type RuleCheck } from '../report/cleanup';

export interface CleanupSettings {
  /** Ids of built-in rules the user switched off. */
  off: string[];
  /** The user's own rules, in the order they run. */
  own: CleanupRule[];
}

export const EMPTY_CLEANUP_SETTINGS: CleanupSettings = { off: [], own: [] };

const BUILT_IN_IDS = new Set(DEFAULT_CLEANUP_RULES.map((rule) => rule.id));
const KINDS: readonly string[] = ['remove-line', 'remove', 'replace'];

function ownRule(value: unknown): CleanupRule | null {
  if (!value || typeof value !== 'object') return null;
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string' || BUILT_IN_IDS.has(r.id) || typeof r.name !== 'string' || typeof r.pattern !== 'string') return null;
  if (!KINDS.includes(r.kind as string)) return null;
  const rule: CleanupRule = { id: r.id, name: r.name, kind: r.kind as CleanupRule['kind'], pattern: r.pattern, enabled: r.enabled !== false };
  if (typeof r.flags === 'string' && r.flags) rule.flags = r.flags;
  if (rule.kind === 'replace') rule.replacement = typeof r.replacement === 'string' ? r.replacement : '';
  return rule;
}

/** The stored value, or the defaults for anything missing or damaged in it. */
export function parseCleanupSettings(value: string | undefined): CleanupSettings {
  if (!value) return EMPTY_CLEANUP_SETTINGS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return EMPTY_CLEANUP_SETTINGS;
  }
  if (!parsed || typeof parsed !== 'object') return EMPTY_CLEANUP_SETTINGS;
  const { off, own } = parsed as Record<string, unknown>;
  const ids = new Set<string>();
  return {
    off: Array.isArray(off) ? off.filter((id): id is string => typeof id === 'string' && BUILT_IN_IDS.has(id)) : [],
    // A repeated id would make one edit change two rules: the first one stays.
    own: Array.isArray(own)
      ? own.map(ownRule).filter((rule): rule is CleanupRule => !!rule && !ids.has(rule.id) && !!ids.add(rule.id))
      : [],
  };
}

/**
 * Every rule in the order sample import runs them: the user's rules go after the built-in ones
 * that restore the text and before the ones that tidy blank space, so that a line they remove
 * leaves no gap behind.
 */
export function cleanupRulesOf(settings: CleanupSettings): CleanupRule[] {
  const off = new Set(settings.off);
  const builtIns = DEFAULT_CLEANUP_RULES.map((rule) => ({ ...rule, enabled: !off.has(rule.id) }));
  const tidyFrom = builtIns.findIndex((rule) => rule.id === 'trailing-spaces');
  return [...builtIns.slice(0, tidyFrom), ...settings.own, ...builtIns.slice(tidyFrom)];
}

/** A user's rule as typed, checked: the name must not be blank, and validateCleanupRule must pass. */
export function checkOwnCleanupRule(rule: CleanupRule): RuleCheck {
  if (!rule.name.trim()) return { ok: false, message: 'The rule needs a name.' };
  return validateCleanupRule(rule);
}

/** Puts `rule` in place of the one with its id, or adds it at the end. */
export function withOwnRule(settings: CleanupSettings, rule: CleanupRule): CleanupSettings {
  const at = settings.own.findIndex((r) => r.id === rule.id);
  const own = at === -1 ? [...settings.own, rule] : settings.own.map((r, i) => (i === at ? rule : r));
  return { ...settings, own };
}

export function withoutOwnRule(settings: CleanupSettings, id: string): CleanupSettings {
  return { ...settings, own: settings.own.filter((r) => r.id !== id) };
}

export function withBuiltInSwitched(settings: CleanupSettings, id: string, enabled: boolean): CleanupSettings {
  const off = settings.off.filter((other) => other !== id);
  return { ...settings, off: enabled || !BUILT_IN_IDS.has(id) ? off : [...off, id] };
}
