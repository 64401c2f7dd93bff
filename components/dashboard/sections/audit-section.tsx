import { useLiveQuery } from 'dexie-react-hooks';
import { i18n } from '#i18n';
import { auditCsv } from '@/lib/register/audit-csv';
import { recentAudit } from '@/lib/register/audit-log';
import type { RegisterDb } from '@/lib/register/db';
import { downloadText, today } from './download';
import { formatDateTime } from './format';

/** The audit log (no personal data: customers are salted hashes) with a CSV export of all of it. */
export function AuditSection({ db }: { db: RegisterDb }) {
  const entries = useLiveQuery(() => recentAudit(db, 200), [db]);
  const exportCsv = async () =>
    downloadText(`privacydesk-audit-${today()}.csv`, auditCsv(await db.audit.orderBy('at').toArray()), 'text/csv');
  return (
    <div>
      <button type="button" onClick={() => void exportCsv()}>
        {i18n.t('register.exportCsv')}
      </button>
      {entries && entries.length === 0 ? <p className="pd-muted">{i18n.t('register.noAudit')}</p> : null}
      {entries && entries.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>{i18n.t('register.colWhen')}</th>
              <th>{i18n.t('register.colAction')}</th>
              <th>{i18n.t('register.colCustomer')}</th>
              <th>{i18n.t('register.colTool')}</th>
              <th>{i18n.t('register.colCount')}</th>
              <th>{i18n.t('register.colResult')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.action}</td>
                <td>
                  <code>{e.customerHash?.slice(0, 12) ?? ''}</code>
                </td>
                <td>{e.tool ?? ''}</td>
                <td>{e.count ?? ''}</td>
                <td>{e.result}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
