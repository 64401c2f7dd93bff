import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { connectors } from '@/lib/connectors/registry';
import type { ExportJob } from '@/lib/dossier/export-job-schema';
import { ExportProgress } from './export-progress';
import './export.css';
import { runDossierExport, toolsToRead, type DossierExportDeps, type DossierExportResult } from './run-dossier-export';

export interface ExportDialogProps {
  customerId: string;
  /** Who the dossier is about, as the dashboard shows them (name or primary address). */
  customerLabel?: string;
  deps: DossierExportDeps;
  onClose: () => void;
}

type Phase =
  | { name: 'form' }
  | { name: 'running'; job?: ExportJob }
  | { name: 'finished'; result: DossierExportResult }
  | { name: 'error'; message: string };

const labelOf = (tool: string) => connectors[tool]?.label ?? tool;
const defaultLanguage = (): ExportJob['language'] =>
  browser.i18n.getUILanguage().toLowerCase().startsWith('nl') ? 'nl' : 'en';

/**
 * "Export dossier" for one customer: the scope (Art. 15 access or Art. 20 portability), masking of
 * other people's data (Art. 15(4)) and the readable copy's language; then progress per tool, and the
 * saved file. Escape or Close leaves the dialog; an export that has started runs to its end.
 */
export function ExportDialog({ customerId, customerLabel, deps, onClose }: ExportDialogProps) {
  const [scope, setScope] = useState<ExportJob['scope']>('access');
  const [mask, setMask] = useState(false);
  const [language, setLanguage] = useState<ExportJob['language']>(defaultLanguage);
  const [tools, setTools] = useState<string[] | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'form' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void toolsToRead(deps).then((list) => live && setTools(list));
    heading.current?.focus();
    return () => {
      live = false;
    };
  }, [deps]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const start = () => {
    setPhase({ name: 'running' });
    runDossierExport(deps, { customerId, scope, language, mask }, (job) => setPhase({ name: 'running', job })).then(
      (result) =>
        setPhase(
          result.job.status === 'done'
            ? { name: 'finished', result }
            : { name: 'error', message: result.job.error ?? result.job.status },
        ),
      (error: unknown) => setPhase({ name: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };

  const busy = phase.name === 'running';
  const job = phase.name === 'running' ? phase.job : phase.name === 'finished' ? phase.result.job : undefined;
  const failedTools = job?.tools.filter((t) => t.status === 'failed').map((t) => labelOf(t.tool)) ?? [];

  return (
    <div className="pd-export-dialog" role="dialog" aria-modal="true" aria-labelledby="pd-export-heading">
      <h3 id="pd-export-heading" ref={heading} tabIndex={-1}>
        {i18n.t('dossier.export')}
        {customerLabel ? ` — ${customerLabel}` : ''}
      </h3>
      {tools && (
        <p className="pd-muted">
          {tools.length ? i18n.t('dossier.dialogIntro', [tools.map(labelOf).join(', ')]) : i18n.t('dossier.noTools')}
        </p>
      )}
      <fieldset disabled={phase.name !== 'form'}>
        <legend>{i18n.t('dossier.scope')}</legend>
        <label>
          <input type="radio" name="pd-export-scope" checked={scope === 'access'} onChange={() => setScope('access')} />{' '}
          {i18n.t('dossier.scopeAccess')}
        </label>
        <label>
          <input
            type="radio"
            name="pd-export-scope"
            checked={scope === 'portability'}
            onChange={() => setScope('portability')}
          />{' '}
          {i18n.t('dossier.scopePortability')}
        </label>
        <label>
          <input type="checkbox" checked={mask} onChange={(e) => setMask(e.target.checked)} />{' '}
          {i18n.t('dossier.maskOthers')}
        </label>
        <label>
          {i18n.t('dossier.language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as ExportJob['language'])}>
            <option value="en">{i18n.t('dossier.languageEn')}</option>
            <option value="nl">{i18n.t('dossier.languageNl')}</option>
          </select>
        </label>
      </fieldset>
      {phase.name === 'form' && (
        <button type="button" className="pd-button" onClick={start} disabled={tools === null}>
          {i18n.t('dossier.start')}
        </button>
      )}
      {job && <ExportProgress job={job} labelOf={labelOf} />}
      <div role="status" aria-live="polite">
        {busy && job?.status === 'writing' && i18n.t('dossier.writing')}
        {phase.name === 'finished' && phase.result.fileName && (
          <>
            <p data-export-file={phase.result.fileName}>{i18n.t('dossier.saved', [phase.result.fileName])}</p>
            <p>{i18n.t('dossier.recorded')}</p>
          </>
        )}
        {phase.name !== 'form' && failedTools.length > 0 && (
          <p>{i18n.t('dossier.partial', [failedTools.join(', ')])}</p>
        )}
      </div>
      {phase.name === 'error' && <p role="alert">{i18n.t('dossier.failed', [phase.message])}</p>}
      <button type="button" className="pd-button" onClick={onClose}>
        {i18n.t('dossier.close')}
      </button>
    </div>
  );
}
