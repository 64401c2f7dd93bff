import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n } from '#i18n';
import { ConnectionsSection } from '@/components/dashboard/connections/connections-section';
import { TransfersSection } from '@/components/dashboard/connections/transfers-section';
import { DashboardApp } from '@/components/dashboard/dashboard-app';
import { ExportFromHash } from '@/components/dashboard/export/export-from-hash';
import { registerSections } from '@/components/dashboard/sections/register-sections';
import { getRegister } from '@/lib/register/db';
import '@/components/dashboard/dashboard.css';
import '@/components/dashboard/sections/sections.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = i18n.t('dashboard.title');
const container = document.getElementById('root');
if (!container) throw new Error('dashboard.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <DashboardApp
      sections={{
        ...registerSections(getRegister()),
        transfers: <TransfersSection />,
        connections: <ConnectionsSection />,
      }}
    />
    <ExportFromHash db={getRegister()} />
  </StrictMode>,
);
