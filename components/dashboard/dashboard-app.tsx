import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { dashboardSections, type DashboardSectionId } from './sections';

export interface DashboardAppProps {
  /** Section bodies by id; a section without one says it is empty. */
  sections?: Partial<Record<DashboardSectionId, ReactNode>>;
}

export function DashboardApp({ sections = {} }: DashboardAppProps) {
  return (
    <div className="pd-dashboard">
      <header className="pd-dashboard-header">
        <h1>{i18n.t('dashboard.title')}</h1>
        <nav aria-label={i18n.t('dashboard.nav')}>
          <ul>
            {dashboardSections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{i18n.t(s.heading)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        {dashboardSections.map((s) => (
          <section key={s.id} id={s.id} aria-labelledby={`${s.id}-heading`}>
            <h2 id={`${s.id}-heading`}>{i18n.t(s.heading)}</h2>
            {sections[s.id] ?? <p className="pd-muted">{i18n.t('dashboard.empty')}</p>}
          </section>
        ))}
      </main>
    </div>
  );
}
