import { useLiveQuery } from 'dexie-react-hooks';
import { i18n } from '#i18n';
import { database } from '@/utils/db/database';
import { dismissWelcome, welcomeDismissed } from '@/utils/db/settings';
import '../sites/sites.css';

/** The demo page of the development server: editors of every kind to try the panel on. Development builds only. */
const DEMO_PAGE = 'http://localhost:4173/demo.html';

/** A few lines the first time the panel opens; `Got it` puts them away for good. */
export function Welcome() {
  const dismissed = useLiveQuery(() => welcomeDismissed(database()), []);
  // Nothing while the answer loads: the welcome must not flash for those who dismissed it.
  if (dismissed !== false) return null;
  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{i18n.t('welcomeHeading')}</h2>
      <ul>
        <li>{i18n.t('welcomeChecklist')}</li>
        <li>{i18n.t('welcomeTemplates')}</li>
        <li>{i18n.t('welcomeSnippets')}</li>
      </ul>
      <p>{i18n.t('welcomeStart')}</p>
      {import.meta.env.DEV && (
        <p>
          {i18n.t('welcomeDemo')}{' '}
          <a href={DEMO_PAGE} target="_blank" rel="noreferrer">
            {DEMO_PAGE}
          </a>
        </p>
      )}
      <button type="button" onClick={() => void dismissWelcome(database())}>
        {i18n.t('welcomeGotIt')}
      </button>
    </section>
  );
}
