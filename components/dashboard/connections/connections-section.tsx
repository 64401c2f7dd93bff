import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { hasHostAccess, requestHostAccess } from '@/lib/connections/host-access';
import { importConnections } from '@/lib/connections/import-file';
import type { StoredConnection } from '@/lib/connections/schema';
import { listConnections, removeConnection, watchConnections } from '@/lib/connections/store';
import { connectors } from '@/lib/connectors/registry';
import { sendMessage } from '@/lib/messaging/messenger';
import { ConnectionForm } from './connection-form';

type TestState = { tool: string; ok: boolean; message: string } | null;

/** Connections: per tool the account, region and credentials; host access; "Test connection". */
export function ConnectionsSection() {
  const [connections, setConnections] = useState<StoredConnection[]>([]);
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [test, setTest] = useState<TestState>(null);

  useEffect(() => {
    const refresh = (list: StoredConnection[]) => {
      setConnections(list);
      void Promise.all(list.map(async (c) => [c.tool, await hasHostAccess(c.tool)] as const)).then((pairs) =>
        setAccess(Object.fromEntries(pairs)),
      );
    };
    void listConnections().then(refresh);
    return watchConnections(refresh);
  }, []);

  async function onImport(file: File | undefined) {
    if (!file) return;
    try {
      const tools = await importConnections(await file.text());
      setStatus(i18n.t('connections.imported', [tools.map((t) => connectors[t]?.label ?? t).join(', ')]));
    } catch (error) {
      setStatus(i18n.t('connections.importFailed', [error instanceof Error ? error.message : String(error)]));
    }
  }

  async function onTest(tool: string) {
    setTest({ tool, ok: false, message: i18n.t('connections.testing') });
    const result = await sendMessage('connections.test', { tool });
    setTest({ tool, ok: result.ok, message: result.ok ? i18n.t('connections.testOk') : result.message });
  }

  return (
    <div className="pd-connections">
      {connections.length === 0 && <p className="pd-muted">{i18n.t('connections.none')}</p>}
      <ul aria-label={i18n.t('dashboard.connections')}>
        {connections.map((c) => (
          <li key={c.tool} data-connection={c.tool}>
            <strong>{connectors[c.tool]?.label ?? c.tool}</strong> — {c.account}
            {c.region ? ` (${c.region.toUpperCase()})` : ''}{' '}
            {access[c.tool] ? (
              <span className="pd-muted">{i18n.t('connections.accessGranted')}</span>
            ) : (
              <button type="button" onClick={() => void requestHostAccess(c.tool)}>
                {i18n.t('connections.grantAccess')}
              </button>
            )}{' '}
            <button type="button" onClick={() => void onTest(c.tool)}>
              {i18n.t('connections.test')}
            </button>{' '}
            <button type="button" onClick={() => void removeConnection(c.tool)}>
              {i18n.t('connections.remove')}
            </button>
            {test?.tool === c.tool && (
              <p role="status" data-test-ok={test.ok}>
                {test.message}
              </p>
            )}
          </li>
        ))}
      </ul>
      <details>
        <summary>{i18n.t('connections.connectTitle')}</summary>
        <ConnectionForm
          onSaved={(tool, granted) =>
            setStatus(
              i18n.t(granted ? 'connections.saved' : 'connections.savedNoAccess', [connectors[tool]?.label ?? tool]),
            )
          }
        />
      </details>
      <label className="pd-import">
        {i18n.t('connections.importFile')}
        <input type="file" accept="application/json,.json" onChange={(e) => void onImport(e.target.files?.[0])} />
      </label>
      {status && <p role="status">{status}</p>}
    </div>
  );
}
