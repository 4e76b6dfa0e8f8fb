import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { database } from '@/utils/db/database';
import { DEFAULT_HIGHLIGHT_COLOURS, parseColour, type ColourProblem, type HighlightColours } from '@/utils/settings/colour';
import { highlightColours, setHighlightColours } from '@/utils/db/settings';
import { useDraft } from '../common/useDraft';
import { ActionStatus, useActionStatus } from '../common/action-status';
import { i18n } from '#i18n';

const FIELDS: readonly { key: keyof HighlightColours; label: string }[] = [
  { key: 'all', label: i18n.t('setColourAll') },
  { key: 'current', label: i18n.t('setColourCurrent') },
];

const PROBLEMS: Record<ColourProblem, string> = {
  unparsable: i18n.t('setColourUnparsable'),
  'out-of-range': i18n.t('setColourOutOfRange'),
  invisible: i18n.t('setColourInvisible'),
};

/** One colour: typed, checked on Save, stored only when valid (the old one stays otherwise). */
function ColourField({ id, label, stored, onSave }: { id: string; label: string; stored: string; onSave(colour: string): Promise<void> }) {
  // A draft until saved: what was typed survives closing the panel.
  const [typed, setTyped] = useDraft<string | null>(`settings.colour:${id}`, null);
  const [problem, setProblem] = useState('');
  const problemId = useId();
  const save = async () => {
    const check = parseColour(typed ?? stored);
    if (!check.ok) {
      setProblem(PROBLEMS[check.problem]);
      return;
    }
    await onSave(check.colour);
    setTyped(null);
    setProblem('');
  };
  return (
    <form
      className="colour-field"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        <span>{label}</span>
        <input
          value={typed ?? stored}
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => {
            setTyped(event.target.value);
            setProblem('');
          }}
        />
      </label>
      <span className="colour-swatch" style={{ background: stored }} aria-hidden="true" />
      <button type="submit">{i18n.t('setColourSave')}</button>
      {problem && (
        <p id={problemId} className="fill-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/** The colours placeholders are highlighted with in the page. */
export function HighlightColourSettings() {
  const status = useActionStatus();
  const colours = useLiveQuery(() => highlightColours(database()), []);
  if (!colours) return null;
  const save = (key: keyof HighlightColours) => async (colour: string) => {
    await setHighlightColours(database(), { ...(await highlightColours(database())), [key]: colour });
    status.report(i18n.t('setColourSaved'), 'ok');
  };
  return (
    <section className="settings-part" aria-labelledby="settings-colours-heading">
      <div className="section-head">
        <h3 id="settings-colours-heading">{i18n.t('setColours')}</h3>
        <button type="button" onClick={() => void setHighlightColours(database(), DEFAULT_HIGHLIGHT_COLOURS)}>
          {i18n.t('setColoursReset')}
        </button>
      </div>
      <p className="hint">{i18n.t('setColoursHint')}</p>
      <ActionStatus of={status} />
      {FIELDS.map((field) => (
        <ColourField key={`${field.key}:${colours[field.key]}`} id={field.key} label={field.label} stored={colours[field.key]} onSave={save(field.key)} />
      ))}
    </section>
  );
}
