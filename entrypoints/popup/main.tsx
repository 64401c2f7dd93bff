import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/popup-app';
import '@/components/popup/popup.css';

document.documentElement.lang = browser.i18n.getUILanguage();
const container = document.getElementById('root');
if (!container) throw new Error('popup.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <PopupApp />
  </StrictMode>,
);
