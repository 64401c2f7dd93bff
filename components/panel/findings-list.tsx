import { memo, useState } from 'react';
import { i18n } from '#i18n';
import type { FindingEntry, FindingGroup } from '@/lib/panel/group-findings';

export interface FindingsListProps {
  groups: readonly FindingGroup[] | null;
  mask: (entry: FindingEntry) => string;
  onSelect: (entry: FindingEntry) => void;
}

/** "Personal data on this page": grouped by type with counts and masked values; special categories called out. */
/**
 * Per type the first entries are listed; the rest on request (a long thread can hold thousands). Measured with
 * scripts/page/profile.ts: with 20 per type, rendering the complete list of a 1,000-message thread was one task of
 * ~0.1 s on a loaded machine; with 8, ~20 ms.
 */
export const ENTRIES_PER_TYPE = 8;

/** Memoised: on a long thread a render costs the page noticeable time; it re-renders only when its data changes. */
export const FindingsList = memo(function FindingsList({ groups, mask, onSelect }: FindingsListProps) {
  const [expanded, setExpanded] = useState(false);
  const special = groups?.filter((g) => g.specialCategory) ?? [];
  const hidden = expanded
    ? 0
    : (groups ?? []).reduce((n, g) => n + Math.max(0, g.entries.length - ENTRIES_PER_TYPE), 0);
  return (
    <section className="pd-section" aria-labelledby="pd-findings-heading">
      <h3 id="pd-findings-heading" className="pd-section-title">
        {i18n.t('panel.findingsTitle')}
      </h3>
      {groups === null && <p className="pd-muted">{i18n.t('panel.scanning')}</p>}
      {groups?.length === 0 && <p className="pd-muted">{i18n.t('panel.noFindings')}</p>}
      {special.length > 0 && (
        <p className="pd-callout" role="note">
          {special.some((g) => g.type !== 'CRIMINAL') && i18n.t('panel.specialCategory')}
          {special.some((g) => g.type === 'CRIMINAL') && ` ${i18n.t('panel.criminalData')}`}
        </p>
      )}
      {groups && groups.length > 0 && (
        <p className="pd-finding-summary">
          {groups.map((g) => `${i18n.t(`piiType.${g.type}`)}: ${g.count}`).join(' · ')}
        </p>
      )}
      {groups && groups.length > 0 && (
        <ul className="pd-findings" aria-label={i18n.t('panel.findingsTitle')}>
          {groups.flatMap((group) => {
            // Once per type, not per entry: each lookup is a call into the extension API.
            const typeLabel = i18n.t(`piiType.${group.type}`);
            return (expanded ? group.entries : group.entries.slice(0, ENTRIES_PER_TYPE)).map((entry) => {
              const masked = mask(entry);
              return (
                <li
                  key={entry.key}
                  className={group.specialCategory ? 'pd-finding pd-finding-special' : 'pd-finding'}
                  data-pii-type={entry.type}
                >
                  <button
                    type="button"
                    className="pd-finding-button"
                    aria-label={i18n.t('panel.showInPage', [`${typeLabel} ${masked}`])}
                    onClick={() => onSelect(entry)}
                  >
                    <span className="pd-finding-type">{typeLabel}</span>
                    <span className="pd-finding-value">{masked}</span>
                    {entry.occurrences.length > 1 && (
                      <span className="pd-finding-count">×{entry.occurrences.length}</span>
                    )}
                  </button>
                </li>
              );
            });
          })}
        </ul>
      )}
      {hidden > 0 && (
        <button type="button" className="pd-link-button" onClick={() => setExpanded(true)}>
          {i18n.t('panel.showMoreFindings', [String(hidden)])}
        </button>
      )}
    </section>
  );
});
