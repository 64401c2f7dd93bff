/**
 * Backup horizon per tool: how many days the tool keeps erased data in its backups. Empty means the
 * tool's own statement (its connector's default), shown as the placeholder; receipts use the result.
 */
import { useState } from 'react';
import { i18n } from '#i18n';
import type { BackupHorizons } from '@/lib/retention/backups';
import { toolLabel } from './sections/format';

export interface BackupHorizonsProps {
  tools: readonly string[];
  stated: BackupHorizons;
  defaults: BackupHorizons;
  setHorizon: (tool: string, days: number) => Promise<void>;
  onStatus: (text: string) => void;
}

function HorizonInput({
  tool,
  stated,
  fallback,
  setHorizon,
  onStatus,
}: {
  tool: string;
  stated: number | undefined;
  fallback: number | undefined;
  setHorizon: BackupHorizonsProps['setHorizon'];
  onStatus: BackupHorizonsProps['onStatus'];
}) {
  const [value, setValue] = useState(stated === undefined ? '' : String(stated));
  const save = () => {
    if (value.trim() === '' || value === String(stated)) return;
    const days = Number(value);
    if (!Number.isInteger(days) || days < 0 || days > 3650) {
      setValue(stated === undefined ? '' : String(stated));
      return;
    }
    void setHorizon(tool, days).then(() =>
      onStatus(i18n.t('retention.settings.backupSaved', [toolLabel(tool), String(days)])),
    );
  };
  return (
    <label>
      {i18n.t('retention.settings.backupDays', [toolLabel(tool)])}{' '}
      <input
        type="number"
        min={0}
        max={3650}
        step={1}
        value={value}
        placeholder={fallback === undefined ? undefined : String(fallback)}
        title={fallback === undefined ? undefined : i18n.t('retention.settings.backupDefault', [String(fallback)])}
        onChange={(e) => setValue(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
      />
    </label>
  );
}

export function BackupHorizons({ tools, stated, defaults, setHorizon, onStatus }: BackupHorizonsProps) {
  return (
    <div>
      <h4>{i18n.t('retention.settings.backupsTitle')}</h4>
      <p className="pd-muted">{i18n.t('retention.settings.backupsHint')}</p>
      <div className="pd-retention-backups">
        {tools.map((tool) => (
          <HorizonInput
            key={tool}
            tool={tool}
            stated={stated[tool]}
            fallback={defaults[tool]}
            setHorizon={setHorizon}
            onStatus={onStatus}
          />
        ))}
      </div>
    </div>
  );
}
