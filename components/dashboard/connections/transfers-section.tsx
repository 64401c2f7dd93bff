import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { StoredConnection } from '@/lib/connections/schema';
import { listConnections, watchConnections } from '@/lib/connections/store';
import { connectors } from '@/lib/connectors/registry';
import { assessTransfer, toolProcessing, type ProcessingToolId } from '@/lib/transfers/assess';
import { countryName } from '@/lib/transfers/countries';

const locale = typeof navigator === 'undefined' ? 'en' : navigator.language;

/** Transfers: for each connected tool, where it holds data (its account region) and on which ground. */
export function TransfersSection() {
  const [connections, setConnections] = useState<StoredConnection[]>([]);
  useEffect(() => {
    void listConnections().then(setConnections);
    return watchConnections(setConnections);
  }, []);
  const rows = connections.filter((c) => c.tool in toolProcessing);
  if (rows.length === 0) return <p className="pd-muted">{i18n.t('transfers.none')}</p>;
  return (
    <table className="pd-table">
      <thead>
        <tr>
          <th scope="col">{i18n.t('connections.tool')}</th>
          <th scope="col">{i18n.t('transfers.heldIn')}</th>
          <th scope="col">{i18n.t('transfers.vendor')}</th>
          <th scope="col">{i18n.t('transfers.ground')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => {
          const a = assessTransfer(c.tool as ProcessingToolId, c.region);
          return (
            <tr key={c.tool} {...(a.outsideEu ? { 'data-transfer': 'outside-eu' } : {})}>
              <td>{connectors[c.tool]?.label ?? c.tool}</td>
              <td>{a.countries.map((x) => countryName(x, locale)).join(', ')}</td>
              <td>
                {toolProcessing[a.tool].vendor} ({countryName(a.vendorCountry, locale)})
              </td>
              <td>{i18n.t(`transferGround.${a.ground}`)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
