import { ruleName, ruleSource } from '../checklist/check/check-text';
import { PANEL_RULES, switchCheckRule, useCheckRulesOff } from '../checklist/check/useCheckFindings';
import { i18n } from '#i18n';

/** The rules of the checklist's Check section, each on or off: the place to switch one back on. */
export function CheckRulesSettings() {
  const off = useCheckRulesOff();
  if (!off) return null;
  return (
    <section className="settings-part" aria-labelledby="settings-check-heading">
      <h3 id="settings-check-heading">{i18n.t('checkSettingsHeading')}</h3>
      <p className="hint">{i18n.t('checkSettingsHint')}</p>
      <ul className="check-rule-switches">
        {PANEL_RULES.map((rule) => (
          <li key={rule.id}>
            <label>
              <input type="checkbox" checked={!off.includes(rule.id)} onChange={(event) => void switchCheckRule(rule.id, event.target.checked)} />
              <span className="check-rule-switch-name">{ruleName(rule)}</span>
              <span className="check-rule-switch-source">{ruleSource(rule)}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
