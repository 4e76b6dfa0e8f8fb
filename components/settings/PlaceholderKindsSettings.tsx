import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { database } from '@/utils/db/database';
import { placeholderKindsOff, setPlaceholderKindsOff } from '@/utils/db/settings';
import { KIND_EXAMPLES, PLACEHOLDER_KINDS } from '@/utils/settings/placeholder-kinds';
import { KIND_NAMES } from '../common/kind-names';
import { i18n } from '#i18n';

/** The kinds of blank the checklist finds, an example of each; a kind switched off is left out of the checklist. */
export function PlaceholderKindsSettings() {
  const stored = useLiveQuery(() => placeholderKindsOff(database()), []);
  // The box follows the click at once; the stored list catches up when the write is done.
  const [chosen, setChosen] = useState<string[] | null>(null);
  const off = chosen ?? stored;
  if (!off) return null;
  const toggle = (kind: string, on: boolean) => {
    const next = on ? off.filter((k) => k !== kind) : [...off, kind];
    setChosen(next);
    void setPlaceholderKindsOff(database(), next);
  };
  return (
    <details className="built-in-rules placeholder-kinds">
      <summary>{i18n.t('setPlaceholderKinds', [String(PLACEHOLDER_KINDS.length)])}</summary>
      <p className="hint">{i18n.t('setPlaceholderKindsHint')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{i18n.t('setKindFound')}</th>
            <th scope="col">{i18n.t('setRuleKind')}</th>
            <th scope="col">{i18n.t('setExamples')}</th>
          </tr>
        </thead>
        <tbody>
          {PLACEHOLDER_KINDS.map((kind) => (
            <tr key={kind}>
              <td>
                <input
                  type="checkbox"
                  checked={!off.includes(kind)}
                  aria-label={i18n.t('setFindKind', [KIND_NAMES[kind]])}
                  onChange={(event) => toggle(kind, event.target.checked)}
                />
              </td>
              <td>{KIND_NAMES[kind]}</td>
              <td lang="zh-CN" className="kind-example">{KIND_EXAMPLES[kind]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
