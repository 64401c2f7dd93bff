import { useCallback, useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { messageClient, type ErasureClient, type PlanRequest } from '@/lib/erasure-bridge/erasure-client';
import type { ErasurePlanView, ErasureProgressView, PlanItem, ToolPlanView } from '@/lib/messaging/erasure-messages';

export type { ErasureClient, PlanRequest };

export interface ForgetDialogProps {
  request: PlanRequest;
  onClose: () => void;
  formatDate: (ms: number) => string;
  client?: ErasureClient;
  pollMs?: number;
}

type Phase =
  | { name: 'planning' }
  | { name: 'plan'; plan: ErasurePlanView }
  | { name: 'starting'; plan: ErasurePlanView }
  | { name: 'job'; plan: ErasurePlanView; jobId: string; progress?: ErasureProgressView }
  | { name: 'error'; message: string };

const FOCUSABLE = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const itemText = (item: PlanItem) => item.title ?? `${item.kind} ${item.id}`;

/**
 * "Forget this customer": the plan per tool (what goes, what stays because held, what is done by
 * hand), the confirmation, live progress and the summary. Modal: focus moves in, Tab stays in,
 * Escape closes, focus returns to the button that opened it. Closing does not stop a started job.
 */
export function ForgetDialog({
  request,
  onClose,
  formatDate,
  client = messageClient,
  pollMs = 1000,
}: ForgetDialogProps) {
  const [phase, setPhase] = useState<Phase>({ name: 'planning' });
  const dialog = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const jobId = phase.name === 'job' ? phase.jobId : null;
  const finished =
    phase.name === 'job' && (phase.progress?.status === 'erased' || phase.progress?.status === 'partial');

  useEffect(() => {
    let live = true;
    client.plan(request).then(
      (plan) => live && setPhase({ name: 'plan', plan }),
      (error: unknown) => live && setPhase({ name: 'error', message: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [client, request]);

  // Poll the job until it ends (it keeps running in the background if the dialog closes).
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!jobId || finished) return;
    let live = true;
    const timer = setTimeout(
      () => {
        client.progress(jobId).then(
          (progress) => {
            if (!live) return;
            setPhase((p) => (p.name === 'job' && p.jobId === jobId ? { ...p, progress } : p));
            setTick((t) => t + 1);
          },
          () => live && setTick((t) => t + 1),
        );
      },
      tick === 0 ? 0 : pollMs,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, jobId, finished, tick, pollMs]);

  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  // Focus in on open, back to the opener on close; Tab cycles inside; Escape closes (and only the dialog).
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const root = element.getRootNode() as Document | ShadowRoot;
    const opener = root.activeElement as HTMLElement | null;
    heading.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        closeRef.current();
      }
      if (event.key !== 'Tab') return;
      const focusable = [...element.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = root.activeElement;
      if (!first || !last) return;
      if (event.shiftKey && (active === first || active === heading.current)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    // Focus that fell out of the dialog (its button went away) still closes it with Escape.
    const onPageKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeRef.current();
    };
    element.addEventListener('keydown', onKeyDown);
    element.ownerDocument.addEventListener('keydown', onPageKeyDown);
    return () => {
      element.removeEventListener('keydown', onKeyDown);
      element.ownerDocument.removeEventListener('keydown', onPageKeyDown);
      opener?.focus?.();
    };
  }, []);

  // When the focused button goes away (plan → job → summary), focus returns to the dialog's heading.
  useEffect(() => {
    const element = dialog.current;
    const root = element?.getRootNode() as Document | ShadowRoot | undefined;
    if (element && !element.contains(root?.activeElement ?? null)) heading.current?.focus();
  }, [phase.name]);

  const start = useCallback(
    async (plan: ErasurePlanView) => {
      setPhase({ name: 'starting', plan });
      try {
        const started = await client.start(plan.planId);
        setTick(0);
        setPhase({ name: 'job', plan, jobId: started.jobId });
      } catch (error) {
        setPhase({ name: 'error', message: errorText(error) });
      }
    },
    [client],
  );
  /** Retry or a confirmed manual step: the job runs again, so progress is read now and polling resumes. */
  const act = useCallback(
    async (id: string, action: () => Promise<unknown>) => {
      try {
        await action();
        const progress = await client.progress(id);
        setPhase((p) => (p.name === 'job' && p.jobId === id ? { ...p, progress } : p));
        setTick((t) => t + 1);
      } catch (error) {
        setPhase({ name: 'error', message: errorText(error) });
      }
    },
    [client],
  );

  let body;
  if (phase.name === 'planning')
    body = (
      <p className="pd-muted" role="status">
        {i18n.t('erasure.planning')}
      </p>
    );
  else if (phase.name === 'error')
    body = (
      <p className="pd-status pd-status-error" role="alert">
        {i18n.t('erasure.failed', [phase.message])}
      </p>
    );
  else if (phase.name === 'plan' || phase.name === 'starting')
    body = (
      <>
        <PlanBody plan={phase.plan} />
        <div className="pd-actions">
          <button type="button" className="pd-button" onClick={onClose}>
            {i18n.t('erasure.cancel')}
          </button>
          <button
            type="button"
            className="pd-button pd-button-danger pd-button-strong"
            disabled={phase.name === 'starting'}
            onClick={() => void start(phase.plan)}
          >
            {phase.name === 'starting' ? i18n.t('erasure.starting') : i18n.t('erasure.confirm')}
          </button>
        </div>
      </>
    );
  else
    body = (
      <JobBody
        plan={phase.plan}
        progress={phase.progress}
        formatDate={formatDate}
        onRetry={() => void act(phase.jobId, () => client.retry(phase.jobId))}
        onConfirmManual={(stepId) => void act(phase.jobId, () => client.confirmManual(phase.jobId, stepId))}
      />
    );

  return (
    <div className="pd-dialog-backdrop">
      <div
        ref={dialog}
        className="pd-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pd-forget-title"
        data-phase={phase.name === 'job' ? (phase.progress?.status ?? 'running') : phase.name}
      >
        <header className="pd-header">
          <h2 id="pd-forget-title" className="pd-title" tabIndex={-1} ref={heading}>
            {i18n.t('erasure.title')}
          </h2>
          <button type="button" className="pd-icon-button" onClick={onClose} aria-label={i18n.t('erasure.close')}>
            ×
          </button>
        </header>
        {body}
      </div>
    </div>
  );
}

function ItemList({ items, total, label }: { items: PlanItem[]; total: number; label: string }) {
  if (total === 0) return null;
  return (
    <ul className="pd-plan-items" aria-label={label}>
      {items.map((item) => (
        <li key={`${item.kind}:${item.id}`} data-item-kind={item.kind}>
          {itemText(item)}
        </li>
      ))}
      {total > items.length && (
        <li className="pd-muted">{i18n.t('erasure.moreItems', [String(total - items.length)])}</li>
      )}
    </ul>
  );
}

function ManualSteps({ manual, label }: { manual: NonNullable<ToolPlanView['manual']>; label: string }) {
  return (
    <div className="pd-callout">
      <p className="pd-small">{i18n.t('erasure.manualTitle')}</p>
      <ol className="pd-plan-items">
        {manual.checklist.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      <a href={manual.deepLink} target="_blank" rel="noopener noreferrer">
        {i18n.t('erasure.openTool', [label])}
      </a>
    </div>
  );
}

function PlanBody({ plan }: { plan: ErasurePlanView }) {
  const nothing = plan.tools.every((t) => t.eraseCount === 0 && !t.manual);
  return (
    <div className="pd-plan">
      <p className="pd-small">{nothing ? i18n.t('erasure.nothingFound') : i18n.t('erasure.intro')}</p>
      {plan.tools.map((t) => (
        <section key={t.tool} className="pd-section" data-tool={t.tool} aria-labelledby={`pd-plan-${t.tool}`}>
          <h3 id={`pd-plan-${t.tool}`} className="pd-section-title">
            {t.label}
          </h3>
          {t.permanence !== 'manual' && <p>{i18n.t('erasure.willDelete', [String(t.eraseCount)])}</p>}
          <ItemList
            items={t.erase}
            total={t.permanence === 'manual' ? 0 : t.eraseCount}
            label={i18n.t('erasure.deleteList', [t.label])}
          />
          {t.keptCount > 0 && <p>{i18n.t('erasure.keptHeld', [String(t.keptCount)])}</p>}
          <ItemList items={t.kept} total={t.keptCount} label={i18n.t('erasure.keptList', [t.label])} />
          {t.manual && <ManualSteps manual={t.manual} label={t.label} />}
          <p className="pd-small pd-muted">{t.permanenceNote}</p>
        </section>
      ))}
      {plan.errors.map((e) => (
        <p key={e.tool} className="pd-status pd-status-error">
          {i18n.t('erasure.notSearched', [e.label, e.message])}
        </p>
      ))}
      {plan.notConnected.length > 0 && (
        <p className="pd-small pd-muted">
          {i18n.t('erasure.notConnected', [plan.notConnected.map((t) => t.label).join(', ')])}
        </p>
      )}
    </div>
  );
}

interface JobBodyProps {
  plan: ErasurePlanView;
  progress?: ErasureProgressView;
  formatDate: (ms: number) => string;
  onRetry: () => void;
  onConfirmManual: (stepId: number) => void;
}

function JobBody({ plan, progress, formatDate, onRetry, onConfirmManual }: JobBodyProps) {
  if (!progress)
    return (
      <p className="pd-muted" role="status">
        {i18n.t('erasure.starting')}
      </p>
    );
  const note = (tool: string) => plan.tools.find((t) => t.tool === tool)?.permanenceNote ?? '';
  const done = progress.status === 'erased';
  const partial = progress.status === 'partial';
  const erasedTools = progress.perTool.filter((t) => t.erased > 0);
  return (
    <div className="pd-job" aria-live="polite">
      {done ? (
        <h3 className="pd-section-title">{i18n.t('erasure.doneTitle')}</h3>
      ) : partial ? (
        <h3 className="pd-section-title">{i18n.t('erasure.partialTitle')}</h3>
      ) : (
        <>
          <p role="status">{i18n.t('erasure.stepsDone', [String(progress.stepsDone), String(progress.stepsTotal)])}</p>
          <progress
            max={Math.max(1, progress.stepsTotal)}
            value={progress.stepsDone}
            aria-label={i18n.t('erasure.progressLabel')}
          />
        </>
      )}
      {(done || partial) && (
        <p className="pd-summary" data-testid="erasure-summary">
          {erasedTools.length
            ? erasedTools.map((t) => i18n.t('erasure.summaryLine', [String(t.erased), t.label])).join('; ')
            : i18n.t('erasure.summaryNone')}
        </p>
      )}
      <ul className="pd-plan-items" aria-label={i18n.t('erasure.perToolLabel')}>
        {progress.perTool.map((t) => (
          <li key={t.tool} data-tool={t.tool}>
            {i18n.t('erasure.toolProgress', [t.label, String(t.erased), String(t.left), String(t.kept)])}
            {t.failed > 0 && ` — ${i18n.t('erasure.toolFailed', [String(t.failed)])}`}
            {done && t.permanence === 'soft' && (
              <span className="pd-small"> {i18n.t('erasure.softNote', [note(t.tool)])}</span>
            )}
          </li>
        ))}
      </ul>
      {progress.manual.map((m) => (
        <div key={m.stepId}>
          <p className="pd-status">{i18n.t('erasure.waitingAgent')}</p>
          <ManualSteps manual={{ deepLink: m.deepLink ?? 'about:blank', checklist: m.checklist }} label={m.label} />
          <button type="button" className="pd-button" onClick={() => onConfirmManual(m.stepId)}>
            {i18n.t('erasure.confirmManual', [m.label])}
          </button>
        </div>
      ))}
      {progress.errors.map((e, i) => (
        <p key={`${e.tool}-${i}`} className="pd-status pd-status-error">
          {e.message}
        </p>
      ))}
      {done && progress.backupsClearBy !== undefined && (
        <p className="pd-small">{i18n.t('erasure.backupsBy', [formatDate(progress.backupsClearBy)])}</p>
      )}
      {partial && (
        <button type="button" className="pd-button" onClick={onRetry}>
          {i18n.t('erasure.retry')}
        </button>
      )}
      {!done && !partial && <p className="pd-small pd-muted">{i18n.t('erasure.continuesInBackground')}</p>}
    </div>
  );
}
