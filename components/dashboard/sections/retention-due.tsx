/**
 * The dashboard's "Retention due" body: the last run's due items grouped by tool and policy, with
 * "Clean up" for all of them or per group. Only items the tool itself confirmed are offered for
 * cleanup; held items are counted as kept and never offered. The cleanup itself (erasure jobs) is
 * the caller's `onCleanUp`, so the same component serves the page and the tests.
 */
import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { lastRetentionRun, readLastRun } from '@/lib/retention/settings';
import type { DueGroup, DueItem, RetentionSummary } from '@/lib/retention/types';
import { formatDateTime, toolLabel } from './format';

export interface RetentionDueProps {
  summary: RetentionSummary | null;
  /** Starts erasure jobs for these items; resolves to how many jobs were started. */
  onCleanUp: (items: DueItem[]) => Promise<number>;
  onCheckNow?: () => Promise<void>;
}

const cleanable = (items: readonly DueItem[], group?: DueGroup) =>
  items.filter((i) => i.confirmed && !i.held && (!group || (i.tool === group.tool && i.policyId === group.policyId)));

export function RetentionDue({ summary, onCleanUp, onCheckNow }: RetentionDueProps) {
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);

  const run = async (items: DueItem[]) => {
    setBusy(true);
    try {
      setStatus(i18n.t('retention.cleanupStarted', [String(await onCleanUp(items))]));
    } catch (error) {
      setStatus(i18n.t('retention.cleanupFailed', [error instanceof Error ? error.message : String(error)]));
    } finally {
      setBusy(false);
    }
  };

  const checkNow = onCheckNow && (
    <button type="button" disabled={busy} onClick={() => void onCheckNow()}>
      {i18n.t('retention.checkNow')}
    </button>
  );
  if (!summary)
    return (
      <div>
        <p className="pd-muted">{i18n.t('retention.notChecked')}</p>
        {checkNow}
      </div>
    );

  const all = cleanable(summary.items);
  const unconfirmed = summary.items.filter((i) => !i.confirmed).length;
  return (
    <div>
      <p className="pd-muted">
        {i18n.t('retention.lastChecked', [formatDateTime(summary.checkedAt)])} {checkNow}
      </p>
      {summary.groups.length === 0 ? (
        <p className="pd-muted">{i18n.t('retention.noneDue')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{i18n.t('retention.colTool')}</th>
              <th scope="col">{i18n.t('retention.colPolicy')}</th>
              <th scope="col">{i18n.t('retention.colDue')}</th>
              <th scope="col">{i18n.t('retention.colOverdue')}</th>
              <th scope="col">{i18n.t('retention.colHeld')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {summary.groups.map((g) => {
              const items = cleanable(summary.items, g);
              return (
                <tr
                  key={`${g.tool}|${g.policyId}`}
                  data-retention-state={g.overdue > 0 ? 'overdue' : g.due > 0 ? 'due' : 'ok'}
                >
                  <td>{toolLabel(g.tool)}</td>
                  <td>{g.label}</td>
                  <td>{g.due}</td>
                  <td>{g.overdue}</td>
                  <td>{g.held}</td>
                  <td>
                    {items.length > 0 && (
                      <button type="button" disabled={busy} onClick={() => void run(items)}>
                        {i18n.t('retention.cleanUpGroup', [g.label, toolLabel(g.tool)])}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {unconfirmed > 0 && <p className="pd-muted">{i18n.t('retention.unconfirmed', [String(unconfirmed)])}</p>}
      {summary.truncated && <p className="pd-muted">{i18n.t('retention.truncated')}</p>}
      {summary.errors.map((e) => (
        <p key={e.tool} role="alert">
          {e.message}
        </p>
      ))}
      {all.length > 0 && (
        <button type="button" disabled={busy} onClick={() => void run(all)}>
          {i18n.t('retention.cleanUp')}
        </button>
      )}
      <p role="status">{status}</p>
    </div>
  );
}

/** The section as the dashboard mounts it: follows the last run stored by the background. */
export function RetentionDueLive(props: Omit<RetentionDueProps, 'summary'>) {
  const [summary, setSummary] = useState<RetentionSummary | null>(null);
  useEffect(() => {
    void readLastRun().then(setSummary);
    return lastRetentionRun.watch(() => void readLastRun().then(setSummary));
  }, []);
  return <RetentionDue summary={summary} {...props} />;
}
