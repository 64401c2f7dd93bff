import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import type { RegisterDb } from '@/lib/register/db';
import { ExportDialog } from './export-dialog';
import { extensionExportDeps, type DossierExportDeps } from './run-dossier-export';

/** "Export dossier" on a customer in the dashboard: opens the export dialog for that customer. */
export function ExportDossierButton({
  db,
  customerId,
  customerLabel,
  deps,
}: {
  db: RegisterDb;
  customerId: string;
  customerLabel?: string;
  deps?: DossierExportDeps;
}) {
  const [open, setOpen] = useState(false);
  const exportDeps = useMemo(() => deps ?? extensionExportDeps(db), [deps, db]);
  return (
    <>
      <button type="button" className="pd-button" onClick={() => setOpen(true)} disabled={open}>
        {i18n.t('dossier.export')}
      </button>
      {open && (
        <ExportDialog
          key={customerId}
          customerId={customerId}
          customerLabel={customerLabel}
          deps={exportDeps}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
