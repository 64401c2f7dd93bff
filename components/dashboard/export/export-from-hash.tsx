import { useEffect, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import type { ExportIdentity } from '@/lib/messaging/export-messages';
import { sendMessage } from '@/lib/messaging/messenger';
import type { RegisterDb } from '@/lib/register/db';
import { ExportDialog } from './export-dialog';
import { resolveCustomer } from './resolve-customer';
import { extensionExportDeps, resumeInterruptedExports, type DossierExportDeps } from './run-dossier-export';

const EXPORT_HASH = /^#export\/([0-9a-f-]{36})$/i;
const tokenOf = (hash: string) => EXPORT_HASH.exec(hash)?.[1] ?? null;

/** The identities behind a token are handed out once; a re-render (or StrictMode) reuses the answer. */
const taken = new Map<string, Promise<ExportIdentity[]>>();
const takeFromBackground = (token: string) => sendMessage('export.take', { token }).then((r) => r.identities);

type Target = { customerId: string; label?: string } | 'expired';

export interface ExportFromHashProps {
  db: RegisterDb;
  deps?: DossierExportDeps;
  take?: (token: string) => Promise<ExportIdentity[]>;
}

/**
 * The panel's "Export dossier" lands here: the dashboard opened at `#export/<token>`. Takes the
 * customer's identities from the background, finds (or adds) the customer in the register and opens
 * the export dialog. Closing returns to the Customers section and drops the token from the URL.
 */
export function ExportFromHash({ db, deps, take = takeFromBackground }: ExportFromHashProps) {
  const [token, setToken] = useState(() => tokenOf(location.hash));
  const [target, setTarget] = useState<Target | null>(null);
  const exportDeps = useMemo(() => deps ?? extensionExportDeps(db), [deps, db]);

  // An export whose tab was closed (or whose browser stopped) continues here, when the dashboard opens
  // or comes back into view; Jobs shows its progress.
  useEffect(() => {
    const resume = () => void resumeInterruptedExports(exportDeps).catch(() => undefined);
    const onVisible = () => document.visibilityState === 'visible' && resume();
    resume();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [exportDeps]);

  useEffect(() => {
    const onHash = () => setToken(tokenOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    setTarget(null);
    if (!token) return;
    let live = true;
    let promise = taken.get(token);
    if (!promise) taken.set(token, (promise = take(token)));
    void promise
      .then(async (identities) => {
        if (identities.length === 0) return 'expired' as const;
        const customerId = await resolveCustomer(db, identities);
        const customer = await db.customers.get(customerId);
        return { customerId, label: customer?.name ?? identities.find((i) => i.kind === 'email')?.value };
      })
      .catch(() => 'expired' as const)
      .then((next) => live && setTarget(next));
    return () => {
      live = false;
    };
  }, [token, take, db]);

  if (!token || !target) return null;
  const close = () => {
    history.replaceState(null, '', '#customers');
    setToken(null);
  };
  if (target === 'expired')
    return (
      <div className="pd-export-dialog" role="dialog" aria-modal="true" aria-label={i18n.t('dossier.export')}>
        <p role="alert">{i18n.t('dossier.linkExpired')}</p>
        <button type="button" className="pd-button" onClick={close}>
          {i18n.t('dossier.close')}
        </button>
      </div>
    );
  return <ExportDialog customerId={target.customerId} customerLabel={target.label} deps={exportDeps} onClose={close} />;
}
