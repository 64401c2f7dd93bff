/**
 * "Retention settings" under the dashboard's Retention due: periods per tool and kind, automatic cleanup
 * per policy (opt-in, confirmed), the weekly digest and the backup horizon per tool. The view takes its
 * data and actions as props (tests pass stand-ins); `RetentionSettingsLive` binds them to the register's
 * policies table and the stored settings.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { RegisterDb } from '@/lib/register/db';
import type { RetentionPolicy } from '@/lib/register/schemas';
import { connectorBackupDefaults } from '@/lib/retention/backup-defaults';
import type { BackupHorizons as Horizons } from '@/lib/retention/backups';
import { setDigest } from '@/lib/retention/digest';
import { removeToolPolicy, setPolicyMonths, setToolPolicy } from '@/lib/retention/policies-store';
import {
  defaultRetentionSettings,
  disableAutoCleanup,
  enableAutoCleanup,
  lastRetentionRun,
  readLastRun,
  readSettings,
  retentionSettings,
  setBackupHorizon,
  type RetentionSettings,
} from '@/lib/retention/settings';
import type { RetentionSummary } from '@/lib/retention/types';
import { BackupHorizons } from './retention-backup-horizons';
import { DigestSwitch } from './retention-digest-switch';
import { RetentionPolicies, type PolicyActions } from './retention-policies';

export interface RetentionSettingsActions extends PolicyActions {
  setDigest(on: boolean): Promise<boolean>;
  setBackupHorizon(tool: string, days: number): Promise<void>;
}

export interface RetentionSettingsViewProps {
  policies: readonly RetentionPolicy[];
  settings: RetentionSettings;
  summary: RetentionSummary | null;
  tools: readonly string[];
  backupDefaults: Horizons;
  actions: RetentionSettingsActions;
}

export function RetentionSettingsView(props: RetentionSettingsViewProps) {
  const { settings, tools, actions } = props;
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="pd-retention-settings-title" className="pd-retention-settings">
      <h3 id="pd-retention-settings-title">{i18n.t('retention.settings.title')}</h3>
      <RetentionPolicies {...props} onStatus={setStatus} />
      <DigestSwitch on={settings.digest} setDigest={actions.setDigest} />
      <BackupHorizons
        tools={tools}
        stated={settings.backupHorizonDays}
        defaults={props.backupDefaults}
        setHorizon={actions.setBackupHorizon}
        onStatus={setStatus}
      />
      <p role="status">{status}</p>
    </section>
  );
}

/** The actions on the real stores: the register's policies table and the extension's settings. */
export function storeActions(db: RegisterDb, by = 'dashboard'): RetentionSettingsActions {
  return {
    setMonths: async (id, months) => void (await setPolicyMonths(db, id, months)),
    setToolPolicy: async (tool, kind, months) => void (await setToolPolicy(db, tool, kind, months)),
    removeToolPolicy: (id) => removeToolPolicy(db, id),
    enableAuto: async (id) => void (await enableAutoCleanup(id, { confirmed: true, by, at: Date.now() })),
    disableAuto: async (id) => void (await disableAutoCleanup(id)),
    setDigest,
    setBackupHorizon: async (tool, days) => void (await setBackupHorizon(tool, days)),
  };
}

export function RetentionSettingsLive({ db }: { db: RegisterDb }) {
  const policies = useLiveQuery(() => db.policies.toArray(), [db]);
  const [settings, setSettings] = useState<RetentionSettings>(defaultRetentionSettings);
  const [summary, setSummary] = useState<RetentionSummary | null>(null);
  useEffect(() => {
    void readSettings().then(setSettings);
    void readLastRun().then(setSummary);
    const unwatchSettings = retentionSettings.watch(() => void readSettings().then(setSettings));
    const unwatchRuns = lastRetentionRun.watch(() => void readLastRun().then(setSummary));
    return () => {
      unwatchSettings();
      unwatchRuns();
    };
  }, []);
  const [actions] = useState(() => storeActions(db));
  if (!policies) return null;
  return (
    <RetentionSettingsView
      policies={policies}
      settings={settings}
      summary={summary}
      tools={Object.keys(connectorBackupDefaults)}
      backupDefaults={connectorBackupDefaults}
      actions={actions}
    />
  );
}
