/**
 * The user's retention settings, versioned with `storage.defineItem`: the weekly digest (opt-in),
 * automatic cleanup per policy (opt-in, off by default, switched on only with an explicit
 * confirmation that is recorded), and the backup horizon per tool in days. The last run's summary
 * is kept too, for the dashboard and the popup. Policies themselves live in the register.
 */
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { LAST_RUN_KEY } from './last-run-key';
import { retentionSummarySchema, type RetentionSummary } from './types';

export const retentionSettingsSchema = z.object({
  digest: z.boolean(),
  /** Policy id → when and by whom automatic cleanup was confirmed. Absent: off. */
  autoCleanup: z.record(z.string(), z.object({ confirmedAt: z.number(), by: z.string().check(z.maxLength(200)) })),
  /** Tool id → days erased data may live on in the tool's backups (the user's statement). */
  backupHorizonDays: z.record(z.string(), z.int().check(z.nonnegative(), z.lte(3650))),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export const defaultRetentionSettings: RetentionSettings = { digest: false, autoCleanup: {}, backupHorizonDays: {} };

export const retentionSettings = storage.defineItem<RetentionSettings>('local:retention-settings', {
  fallback: defaultRetentionSettings,
  version: 1,
});

export const lastRetentionRun = storage.defineItem<RetentionSummary | null>(`local:${LAST_RUN_KEY}`, {
  fallback: null,
  version: 1,
});

export async function readSettings(): Promise<RetentionSettings> {
  const parsed = retentionSettingsSchema.safeParse(await retentionSettings.getValue());
  return parsed.success ? parsed.data : defaultRetentionSettings;
}

export async function readLastRun(): Promise<RetentionSummary | null> {
  const parsed = z.nullable(retentionSummarySchema).safeParse(await lastRetentionRun.getValue());
  return parsed.success ? parsed.data : null;
}

export async function updateSettings(change: (s: RetentionSettings) => RetentionSettings): Promise<RetentionSettings> {
  const next = retentionSettingsSchema.parse(change(await readSettings()));
  await retentionSettings.setValue(next);
  return next;
}

/** The confirmation the UI must obtain (a dialog the user answers) before automatic cleanup goes on. */
export interface AutoCleanupConfirmation {
  confirmed: true;
  by: string;
  at: number;
}

export async function enableAutoCleanup(
  policyId: string,
  confirmation: AutoCleanupConfirmation | undefined,
): Promise<RetentionSettings> {
  if (confirmation?.confirmed !== true) throw new Error('Automatic cleanup needs an explicit confirmation');
  return updateSettings((s) => ({
    ...s,
    autoCleanup: { ...s.autoCleanup, [policyId]: { confirmedAt: confirmation.at, by: confirmation.by } },
  }));
}

export async function disableAutoCleanup(policyId: string): Promise<RetentionSettings> {
  return updateSettings((s) => {
    const autoCleanup = { ...s.autoCleanup };
    delete autoCleanup[policyId];
    return { ...s, autoCleanup };
  });
}

export function autoCleanupOn(settings: RetentionSettings, policyId: string): boolean {
  return settings.autoCleanup[policyId] !== undefined;
}

/** The user's statement of how long a tool keeps backups after a deletion (days). */
export async function setBackupHorizon(tool: string, days: number): Promise<RetentionSettings> {
  return updateSettings((s) => ({ ...s, backupHorizonDays: { ...s.backupHorizonDays, [tool]: days } }));
}
