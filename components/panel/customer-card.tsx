import { useState } from 'react';
import { i18n } from '#i18n';
import type { Customer } from '@/lib/sites/site-adapter';

export interface CustomerSummary {
  tools: number;
  conversations: number;
  /** ISO date when this customer was forgotten before (their hash is in an erasure receipt). */
  forgottenOn?: string | null;
}

export interface CustomerCardProps {
  customer: Customer;
  summary: CustomerSummary | null;
  formatDate: (iso: string) => string;
}

/**
 * Other identities listed at first; the rest on request. A long thread can name hundreds (measured with `npm run
 * bench:page`: 1,000 of them made the card's first render a long task).
 */
export const IDENTITIES_SHOWN = 10;

/** Who the open conversation is with, and what the register knows of them. */
export function CustomerCard({ customer, summary, formatDate }: CustomerCardProps) {
  const [all, setAll] = useState(false);
  const primaryEmail = customer.emails[0]?.trim().toLowerCase();
  const others = [...customer.emails.slice(1), ...customer.phones, ...customer.handles];
  const shown = all ? others : others.slice(0, IDENTITIES_SHOWN);
  return (
    <section
      className="pd-section pd-customer"
      aria-labelledby="pd-customer-heading"
      data-customer-email={primaryEmail ?? ''}
    >
      <h3 id="pd-customer-heading" className="pd-section-title">
        {i18n.t('panel.customer')}
      </h3>
      <p className="pd-customer-name">{customer.name}</p>
      {primaryEmail && <p className="pd-customer-email">{primaryEmail}</p>}
      {others.length > 0 && (
        <>
          <p className="pd-muted pd-small">{i18n.t('panel.otherIdentities')}</p>
          <ul className="pd-identities">
            {shown.map((identity) => (
              <li key={identity}>{identity}</li>
            ))}
          </ul>
          {shown.length < others.length && (
            <button type="button" className="pd-link-button" onClick={() => setAll(true)}>
              {i18n.t('panel.showAllIdentities', [String(others.length)])}
            </button>
          )}
        </>
      )}
      {summary && (
        <p className="pd-muted pd-small">
          {i18n.t('panel.knownIn', [String(summary.tools), String(summary.conversations)])}
        </p>
      )}
      {summary?.forgottenOn && (
        <p className="pd-callout" role="note">
          {i18n.t('panel.forgottenOn', [formatDate(summary.forgottenOn)])}
        </p>
      )}
    </section>
  );
}
