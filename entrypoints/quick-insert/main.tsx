// First: the port to the content script and the first search start before React is run.
import '@/components/quick-insert/box-link';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QuickInsert } from '@/components/quick-insert/QuickInsert';
import { i18n } from '#i18n';
import '../sidepanel/style.css';

document.title = i18n.t('quickInsertTitle');
document.documentElement.lang = i18n.t('languageTag');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QuickInsert />
  </StrictMode>,
);
