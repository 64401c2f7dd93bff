/**
 * The explicit confirmation before automatic cleanup goes on for a policy: says what will be erased
 * automatically (which items, in which tools, after how long, how many are due now), that held items
 * stay, and about backups. Only "Switch on automatic cleanup" confirms; Cancel and Escape leave it off.
 */
import { useEffect, useRef } from 'react';
import { i18n } from '#i18n';
import type { RetentionPolicy } from '@/lib/register/schemas';
import { policyItemsLabel, policyToolLabel } from './retention-labels';

export interface AutoCleanupDialogProps {
  policy: RetentionPolicy;
  /** Due (not held) under this policy at the last check; null when never checked. */
  dueNow: number | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function AutoCleanupDialog({ policy, dueNow, onConfirm, onCancel }: AutoCleanupDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  // Focus starts on Cancel: confirming needs a deliberate second choice.
  useEffect(() => cancel.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onCancel]);
  const kind = policyItemsLabel(policy).toLowerCase();
  const tool = policyToolLabel(policy.tool);
  return (
    <div className="pd-export-dialog" role="dialog" aria-modal="true" aria-labelledby="pd-auto-cleanup-title">
      <h3 id="pd-auto-cleanup-title">{i18n.t('retention.settings.autoDialogTitle')}</h3>
      <p>{i18n.t('retention.settings.autoDialogWhat', [kind, tool, String(policy.months)])}</p>
      <p>
        {dueNow === null
          ? i18n.t('retention.settings.autoDialogNotChecked')
          : i18n.t('retention.settings.autoDialogNow', [String(dueNow)])}
      </p>
      <p>{i18n.t('retention.settings.autoDialogHeld')}</p>
      <p className="pd-muted">{i18n.t('retention.settings.autoDialogBackups')}</p>
      <button type="button" className="pd-button" onClick={onConfirm}>
        {i18n.t('retention.settings.autoConfirm')}
      </button>
      <button type="button" className="pd-button" ref={cancel} onClick={onCancel}>
        {i18n.t('retention.settings.cancel')}
      </button>
    </div>
  );
}
