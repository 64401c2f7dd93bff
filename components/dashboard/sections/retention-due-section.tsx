import { useLiveQuery } from 'dexie-react-hooks';
import { i18n } from '#i18n';
import type { RegisterDb } from '@/lib/register/db';
import { retentionDue } from '@/lib/register/retention-due';
import { formatDate, toolLabel } from './format';

/** Items past their retention date that no hold keeps: the count and the oldest first. */
export function RetentionDueSection({ db, now = Date.now() }: { db: RegisterDb; now?: number }) {
  const due = useLiveQuery(() => retentionDue(db, now, 50), [db, now]);
  if (!due) return null;
  if (due.count === 0) return <p className="pd-muted">{i18n.t('register.noneDue')}</p>;
  return (
    <div>
      <p>{i18n.t('register.dueCount', [String(due.count)])}</p>
      <ul>
        {due.first.map((item) => (
          <li key={item.id}>
            {i18n.t('register.itemLine', [item.kind, item.toolId, toolLabel(item.tool)])} ·{' '}
            {formatDate(item.retentionDueAt ?? 0)}
          </li>
        ))}
      </ul>
    </div>
  );
}
