/**
 * Retention periods per tool and kind of item: every policy's period (presets or a custom number of
 * months), a different period for one tool, and automatic cleanup per policy — off by default and only
 * switched on through the confirmation dialog.
 */
import { useState } from 'react';
import { i18n } from '#i18n';
import { itemKinds, type RetentionPolicy } from '@/lib/register/schemas';
import { TOOL_POLICY_PREFIX } from '@/lib/retention/presets';
import { autoCleanupOn, type RetentionSettings } from '@/lib/retention/settings';
import type { RetentionSummary } from '@/lib/retention/types';
import { AutoCleanupDialog } from './retention-auto-cleanup-dialog';
import { kindLabel, policyItemsLabel, policyToolLabel } from './retention-labels';
import { PolicyPeriod } from './retention-policy-period';
import { formatDateTime, toolLabel } from './sections/format';

export interface PolicyActions {
  setMonths(policyId: string, months: number): Promise<void>;
  setToolPolicy(tool: string, kind: RetentionPolicy['kind'], months: number): Promise<void>;
  removeToolPolicy(policyId: string): Promise<void>;
  /** Called only after the user confirmed in the dialog. */
  enableAuto(policyId: string): Promise<void>;
  disableAuto(policyId: string): Promise<void>;
}

export interface RetentionPoliciesProps {
  policies: readonly RetentionPolicy[];
  settings: RetentionSettings;
  summary: RetentionSummary | null;
  tools: readonly string[];
  actions: PolicyActions;
  onStatus: (text: string) => void;
}

const byToolThenKind = (a: RetentionPolicy, b: RetentionPolicy) =>
  (a.tool === '*' ? 0 : 1) - (b.tool === '*' ? 0 : 1) ||
  a.tool.localeCompare(b.tool) ||
  itemKinds.indexOf(a.kind as never) - itemKinds.indexOf(b.kind as never);

export function RetentionPolicies({ policies, settings, summary, tools, actions, onStatus }: RetentionPoliciesProps) {
  const [confirming, setConfirming] = useState<RetentionPolicy | null>(null);
  const [addTool, setAddTool] = useState(tools[0] ?? '');
  const [addKind, setAddKind] = useState<(typeof itemKinds)[number]>('conversation');
  const [addMonths, setAddMonths] = useState('12');

  const dueUnder = (policyId: string) =>
    summary ? summary.groups.filter((g) => g.policyId === policyId).reduce((n, g) => n + g.due + g.overdue, 0) : null;
  const describe = (p: RetentionPolicy) => [policyItemsLabel(p), policyToolLabel(p.tool)] as const;

  const saveMonths = async (p: RetentionPolicy, months: number) => {
    await actions.setMonths(p.id, months);
    onStatus(i18n.t('retention.settings.saved', [...describe(p), String(months)]));
  };
  const add = async () => {
    const months = Number(addMonths);
    if (!addTool || !Number.isInteger(months) || months < 1 || months > 1200) {
      onStatus(i18n.t('retention.settings.invalidMonths'));
      return;
    }
    await actions.setToolPolicy(addTool, addKind, months);
    onStatus(i18n.t('retention.settings.saved', [kindLabel(addKind), toolLabel(addTool), String(months)]));
  };

  return (
    <div>
      <h4>{i18n.t('retention.settings.policiesTitle')}</h4>
      <table className="pd-retention-policies">
        <thead>
          <tr>
            <th scope="col">{i18n.t('retention.settings.colTool')}</th>
            <th scope="col">{i18n.t('retention.settings.colItems')}</th>
            <th scope="col">{i18n.t('retention.settings.colPeriod')}</th>
            <th scope="col">{i18n.t('retention.settings.colAuto')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {[...policies].sort(byToolThenKind).map((p) => {
            const [kind, tool] = describe(p);
            const auto = settings.autoCleanup[p.id];
            return (
              <tr key={p.id} data-policy-id={p.id}>
                <td>{tool}</td>
                <td>{kind}</td>
                <td>
                  <PolicyPeriod key={p.months} policy={p} onSave={(months) => saveMonths(p, months)} />
                </td>
                <td>
                  <label>
                    <input
                      type="checkbox"
                      role="switch"
                      aria-label={i18n.t('retention.settings.autoFor', [kind, tool])}
                      checked={autoCleanupOn(settings, p.id)}
                      onChange={(e) => {
                        if (e.target.checked) setConfirming(p);
                        else
                          void actions
                            .disableAuto(p.id)
                            .then(() => onStatus(i18n.t('retention.settings.autoOff', [kind, tool])));
                      }}
                    />
                    {auto && <span className="pd-muted"> {formatDateTime(auto.confirmedAt)}</span>}
                  </label>
                </td>
                <td>
                  {p.id.startsWith(TOOL_POLICY_PREFIX) && (
                    <button type="button" onClick={() => void actions.removeToolPolicy(p.id)}>
                      {i18n.t('retention.settings.remove', [kind, tool])}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <fieldset>
        <legend>{i18n.t('retention.settings.addTitle')}</legend>
        <label>
          {i18n.t('retention.settings.addTool')}{' '}
          <select value={addTool} onChange={(e) => setAddTool(e.target.value)}>
            {tools.map((t) => (
              <option key={t} value={t}>
                {toolLabel(t)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {i18n.t('retention.settings.addKind')}{' '}
          <select value={addKind} onChange={(e) => setAddKind(e.target.value as (typeof itemKinds)[number])}>
            {itemKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {i18n.t('retention.settings.addMonths')}{' '}
          <input
            type="number"
            min={1}
            max={1200}
            step={1}
            value={addMonths}
            onChange={(e) => setAddMonths(e.target.value)}
          />
        </label>{' '}
        <button type="button" onClick={() => void add()}>
          {i18n.t('retention.settings.add')}
        </button>
      </fieldset>
      {confirming && (
        <AutoCleanupDialog
          policy={confirming}
          dueNow={dueUnder(confirming.id)}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const p = confirming;
            setConfirming(null);
            void actions.enableAuto(p.id).then(() => {
              const [kind, tool] = describe(p);
              onStatus(i18n.t('retention.settings.autoOnSince', [kind, tool, formatDateTime(Date.now())]));
            });
          }}
        />
      )}
    </div>
  );
}
