import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { database } from '@/utils/db/database';
import { addSitePattern, type SitePatternError } from '@/utils/sites/pattern';
import { setSitesOff, sitesOff } from '@/utils/db/settings';
import { useDraft } from '../common/useDraft';
import './sites.css';

function errorText(error: SitePatternError | 'duplicate', input: string): string {
  switch (error) {
    case 'empty':
      return i18n.t('siteErrorEmpty');
    case 'scheme':
      return i18n.t('siteErrorScheme', [input]);
    case 'wildcard':
      return i18n.t('siteErrorWildcard', [input]);
    case 'host':
      return i18n.t('siteErrorHost', [input]);
    case 'port':
      return i18n.t('siteErrorPort', [input]);
    case 'extra':
      return i18n.t('siteErrorExtra', [input]);
    case 'duplicate':
      return i18n.t('siteErrorDuplicate', [input]);
  }
}

/** The sites where the extension is turned off: listed, added, turned back on. */
export function SiteSettings() {
  const list = useLiveQuery(() => sitesOff(database()), []);
  // A draft: a pattern half typed survives closing the panel.
  const [input, setInput] = useDraft('settings.site-input', '');
  const [error, setError] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    // Read afresh: another panel may have changed the list.
    const result = addSitePattern(await sitesOff(database()), input);
    if (!result.ok) {
      setError(errorText(result.error, input.trim()));
      return;
    }
    await setSitesOff(database(), result.list);
    setInput('');
    setError(null);
  };

  const remove = async (pattern: string) => {
    await setSitesOff(database(), (await sitesOff(database())).filter((p) => p !== pattern));
  };

  return (
    <section className="sites" aria-labelledby="sites-heading">
      <h3 id="sites-heading">{i18n.t('sitesHeading')}</h3>
      <p className="hint">{i18n.t('sitesHint')}</p>
      {list && list.length > 0 ? (
        <ul className="sites-list" aria-label={i18n.t('sitesHeading')}>
          {list.map((pattern) => (
            <li key={pattern}>
              <code>{pattern}</code>
              <button type="button" className="quiet" aria-label={i18n.t('siteTurnOnPattern', [pattern])} onClick={() => void remove(pattern)}>
                {i18n.t('siteTurnOn')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{i18n.t('sitesNone')}</p>
      )}
      <form className="sites-form" onSubmit={(event) => void add(event)}>
        <input
          aria-label={i18n.t('siteToTurnOff')}
          placeholder="mail.example.com, *.bank.example"
          value={input}
          aria-invalid={error !== null}
          aria-describedby={error ? 'site-error' : undefined}
          onChange={(event) => setInput(event.target.value)}
        />
        <button type="submit">{i18n.t('siteTurnOff')}</button>
      </form>
      {error && (
        <p id="site-error" role="alert" className="sites-error">
          {error}
        </p>
      )}
    </section>
  );
}
