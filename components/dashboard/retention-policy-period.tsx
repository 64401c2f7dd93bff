/**
 * The period picker of one retention policy: the presets, or "Other period…" with a number of months.
 * Saves through `onSave`; an out-of-range number is refused here with a message (the store refuses it too).
 */
import { useState } from 'react';
import { i18n } from '#i18n';
import type { RetentionPolicy } from '@/lib/register/schemas';
import { policyItemsLabel, monthsLabel, PERIOD_PRESETS, policyToolLabel } from './retention-labels';

const CUSTOM = 'custom';
const isPreset = (months: number) => (PERIOD_PRESETS as readonly number[]).includes(months);

export interface PolicyPeriodProps {
  policy: RetentionPolicy;
  onSave: (months: number) => Promise<void>;
}

export function PolicyPeriod({ policy, onSave }: PolicyPeriodProps) {
  const [custom, setCustom] = useState(!isPreset(policy.months));
  const [months, setMonths] = useState(String(policy.months));
  const [error, setError] = useState('');
  const kind = policyItemsLabel(policy);
  const tool = policyToolLabel(policy.tool);

  const save = async (value: number) => {
    if (!Number.isInteger(value) || value < 1 || value > 1200) {
      setError(i18n.t('retention.settings.invalidMonths'));
      return;
    }
    setError('');
    await onSave(value);
  };

  return (
    <span className="pd-retention-period">
      <select
        aria-label={i18n.t('retention.settings.periodFor', [kind, tool])}
        value={custom ? CUSTOM : String(policy.months)}
        onChange={(e) => {
          if (e.target.value === CUSTOM) {
            setCustom(true);
            return;
          }
          setCustom(false);
          setMonths(e.target.value);
          void save(Number(e.target.value));
        }}
      >
        {PERIOD_PRESETS.map((m) => (
          <option key={m} value={String(m)}>
            {monthsLabel(m)}
          </option>
        ))}
        <option value={CUSTOM}>{i18n.t('retention.settings.custom')}</option>
      </select>
      {custom && (
        <>
          {' '}
          <input
            type="number"
            min={1}
            max={1200}
            step={1}
            inputMode="numeric"
            aria-label={i18n.t('retention.settings.customMonths', [kind, tool])}
            value={months}
            onChange={(e) => setMonths(e.target.value)}
          />{' '}
          <button type="button" onClick={() => void save(Number(months))}>
            {i18n.t('retention.settings.save')}
          </button>
        </>
      )}
      {error && (
        <span role="alert" className="pd-error">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}
