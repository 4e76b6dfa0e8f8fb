import { patternProblem, type SyntaxKind } from '@/utils/report/pattern-problems';
import { i18n } from '#i18n';

const SYNTAX: Record<Exclude<SyntaxKind, 'other'>, () => string> = {
  'unclosed-group': () => i18n.t('patUnclosedGroup'),
  'unmatched-paren': () => i18n.t('patUnmatchedParen'),
  'unclosed-class': () => i18n.t('patUnclosedClass'),
  'nothing-to-repeat': () => i18n.t('patNothingToRepeat'),
  'bad-escape': () => i18n.t('patBadEscape'),
  'bad-range': () => i18n.t('patBadRange'),
  'bad-group-name': () => i18n.t('patBadGroupName'),
  'bad-flags': () => i18n.t('patBadFlags'),
};

/** Why a rule was refused, in a sentence of the panel's language: never the engine's words alone. */
export function patternProblemText(message: string): string {
  const problem = patternProblem(message);
  switch (problem.reason) {
    case 'empty':
      return i18n.t('patEmpty');
    case 'name-missing':
      return i18n.t('setRuleNameMissing');
    case 'syntax':
      return problem.kind === 'other' ? i18n.t('patSyntaxOther', [problem.detail]) : SYNTAX[problem.kind]();
    case 'nested':
      return i18n.t('patNested', [problem.part]);
    case 'slow':
      return problem.part ? i18n.t('patSlowPart', [problem.part]) : i18n.t('patSlow');
    case 'matches-empty':
      return i18n.t('patMatchesEmpty');
    case 'other':
      return i18n.t('patSyntaxOther', [problem.detail]);
  }
}
