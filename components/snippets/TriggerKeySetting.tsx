import { useLiveQuery } from 'dexie-react-hooks';
import { database } from '@/utils/db/database';
import { setTriggerKey, triggerKey } from '@/utils/db/settings';
import { DEFAULT_TRIGGER, isTriggerKey, TRIGGER_KEYS, type TriggerKey } from '@/utils/snippets/record';
import { i18n } from '#i18n';

const TRIGGER_NAMES: Record<TriggerKey, string> = {
  Tab: i18n.t('keyTab'),
  ' ': i18n.t('keySpace'),
  Enter: i18n.t('keyEnter'),
};

/** The key that expands an abbreviation typed in a page. */
export function TriggerKeySetting() {
  const trigger = useLiveQuery(() => triggerKey(database()), []);
  return (
    <>
      <label className="trigger-key">
        <span>{i18n.t('triggerKeyLabel')}</span>
        <select
          value={trigger ?? DEFAULT_TRIGGER}
          onChange={(event) => {
            if (isTriggerKey(event.target.value)) void setTriggerKey(database(), event.target.value);
          }}
        >
          {TRIGGER_KEYS.map((key) => (
            <option key={key} value={key}>
              {TRIGGER_NAMES[key]}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{i18n.t('triggerKeyHint')}</p>
    </>
  );
}
