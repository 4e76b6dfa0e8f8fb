import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './style.css';
import { i18n } from '#i18n';

document.title = i18n.t('extName');
document.documentElement.lang = browser.i18n.getUILanguage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
