import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { StatusProvider } from '@/components/common/action-status';
import './style.css';
import { i18n } from '#i18n';
import { startEarlyScan } from '@/components/target/early-scan';

// First, so the page reads its editors while the panel is still being drawn.
startEarlyScan();

document.title = i18n.t('extName');
// The language of the messages in use, which is not always the browser's (a language the panel
// has no messages for falls back to English).
document.documentElement.lang = i18n.t('languageTag');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StatusProvider>
      <App />
    </StatusProvider>
  </StrictMode>,
);
