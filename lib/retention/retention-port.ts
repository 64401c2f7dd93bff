/**
 * The register side of a cleanup job. The erasure runner (lib/jobs) ends a job by "forgetting the
 * customer"; for retention that would be wrong (only the due items went), so this port removes
 * just the job's erased items from the register, writes a receipt with the date the data is gone
 * from backups too, and opens no data-subject request. Use it for the erasure service that runs
 * cleanup jobs (see createRetentionCleanup in the background).
 */
import type { RegisterDb } from '../register/db';
import { getSalt } from '../register/identity-hash';
import type { JobStore } from '../jobs/job-store';
import type { AuditEntry, Receipt, RegisterPort } from '../jobs/register-port';
import { goneFromAllBackupsAt, type BackupHorizons } from './backups';
import { RETENTION_REQUEST_PREFIX } from './cleanup';
import { registerKindOf } from './kinds';
import type { FoundItem } from '../connectors/types';

export function retentionRegisterPort(
  db: RegisterDb,
  store: JobStore,
  horizons: () => Promise<BackupHorizons>,
): RegisterPort {
  return {
    async openErasureRequest() {
      return `${RETENTION_REQUEST_PREFIX}${crypto.randomUUID()}`;
    },
    async closeRequest() {
      // Retention cleanup answers no data-subject request.
    },
    async audit(entry: AuditEntry) {
      const count = entry.counts ? Object.values(entry.counts).reduce((a, b) => a + b, 0) : undefined;
      const failed = entry.action === 'erase-step-failed' || entry.action === 'erase-partial';
      await db.audit.add({
        at: entry.at,
        action: `retention.${entry.action}`,
        tool: entry.tool,
        count,
        result: failed ? 'failed' : 'ok',
      });
    },
    async forgetCustomer(_customerId: string, receipt: Receipt) {
      if (await db.receipts.get(receipt.id)) return;
      const job = await store.get(receipt.jobId);
      if (!job) return;
      const tools = Object.keys(job.items);
      const stated = await horizons();
      await db.transaction('rw', [db.items, db.holds, db.receipts], async () => {
        for (const tool of tools) {
          const held = new Set(job.held[tool] ?? []);
          for (const ref of job.items[tool] ?? []) {
            const kind = registerKindOf(ref.kind as FoundItem['kind']);
            if (!kind || held.has(`${ref.kind}:${ref.id}`)) continue;
            const item = await db.items.where('[tool+kind+toolId]').equals([tool, kind, ref.id]).first();
            if (item && item.held === 0) await db.items.delete(item.id);
          }
        }
        await db.receipts.add({
          id: receipt.id,
          customerHash: receipt.customerHash,
          identityHashes: [],
          forgottenAt: receipt.completedAt,
          tools,
          itemCount: receipt.perTool.reduce((n, t) => n + t.erased, 0),
          backupsClearBy: goneFromAllBackupsAt(
            receipt.completedAt,
            tools,
            stated,
            Object.fromEntries(receipt.perTool.map((t) => [t.tool, t.backupHorizonDays])),
          ),
        });
      });
    },
    salt: () => getSalt(db),
  };
}
