/**
 * The erasure runner's RegisterPort on the Dexie register: the erasure data-subject request (the
 * customer's open one is reused, else one is opened, so the one-month deadline is tracked), audit
 * entries that name the customer only as a salted hash, and the end of a job: the request closed,
 * the customer forgotten (lib/register/forget-customer.ts) and the receipt keyed by the job's
 * receipt id. Every call may be repeated after a killed service worker without doubling anything.
 */
import type { AuditEntry as JobAuditEntry, Receipt, RegisterPort } from '../jobs/register-port';
import type { JobStore } from '../jobs/job-store';
import type { RegisterDb } from '../register/db';
import { forgetCustomer } from '../register/forget-customer';
import { getSalt, hashCustomer, hashIdentity } from '../register/identity-hash';
import { normaliseIdentity } from '../register/normalise-identity';
import { closeRequest, createRequest, deadlineFor } from '../register/requests';
import type { ErasureReceipt } from '../register/schemas';

const FAILED_ACTIONS = new Set<JobAuditEntry['action']>(['erase-step-failed']);
const PARTIAL_ACTIONS = new Set<JobAuditEntry['action']>(['erase-partial']);

export function registerErasurePort(db: RegisterDb, store: JobStore): RegisterPort {
  const customerOf = async (jobId: string) => (await store.get(jobId))?.customerId;

  return {
    async openErasureRequest(customerId, at) {
      const open = await db.requests
        .where('customerId')
        .equals(customerId)
        .filter((r) => r.kind === 'erasure' && r.status !== 'closed')
        .first();
      if (open) return open.id;
      if (await db.customers.get(customerId)) return (await createRequest(db, customerId, 'erasure', at, at)).id;
      // A customer the register has not seen yet (the panel had not reported them): the request is
      // still recorded so its deadline shows; it goes when the customer is forgotten.
      const id = crypto.randomUUID();
      await db.requests.add({
        id,
        customerId,
        kind: 'erasure',
        receivedAt: at,
        deadline: deadlineFor(at),
        status: 'open',
      });
      await db.audit.add({
        at,
        action: 'request.erasure.received',
        customerHash: await hashCustomer(await getSalt(db), customerId),
        result: 'ok',
      });
      return id;
    },

    async closeRequest(requestId, outcome, at) {
      // Closed before forgetting (see forgetCustomer below); a partial job leaves the request open.
      if (outcome !== 'completed') return;
      const row = await db.requests.get(requestId);
      if (row && row.status !== 'closed') await closeRequest(db, requestId, at);
    },

    async audit(entry) {
      const customerId = await customerOf(entry.jobId);
      const counts = entry.counts ?? {};
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const detail = [`job ${entry.jobId}`, ...Object.entries(counts).map(([k, v]) => `${k}: ${v}`)].join('; ');
      await db.audit.add({
        at: entry.at,
        action: `erasure.${entry.action}`,
        ...(customerId ? { customerHash: await hashCustomer(await getSalt(db), customerId) } : {}),
        ...(entry.tool ? { tool: entry.tool } : {}),
        ...(entry.counts ? { count: total } : {}),
        result: FAILED_ACTIONS.has(entry.action) ? 'failed' : PARTIAL_ACTIONS.has(entry.action) ? 'partial' : 'ok',
        detail: detail.slice(0, 500),
      });
    },

    async forgetCustomer(customerId, receipt) {
      if (await db.receipts.get(receipt.id)) return;
      const salt = await getSalt(db);
      const customerHash = await hashCustomer(salt, customerId);
      const fields = receiptFields(receipt);

      const openRequests = await db.requests.where('customerId').equals(customerId).toArray();
      for (const request of openRequests)
        if (request.kind === 'erasure' && request.status !== 'closed')
          await closeRequest(db, request.id, receipt.completedAt);

      if (await db.customers.get(customerId)) {
        const made = await forgetCustomer(db, customerId, {}, receipt.completedAt);
        await rekey(db, made, receipt.id, fields);
        return;
      }
      // Forgotten already by an earlier run that was killed before re-keying its receipt?
      const earlier = await db.receipts.filter((r) => r.customerHash === customerHash).toArray();
      const latest = earlier.sort((a, b) => b.forgottenAt - a.forgottenAt)[0];
      if (latest && latest.forgottenAt >= receipt.requestedAt) {
        await rekey(db, latest, receipt.id, fields);
        return;
      }
      // Never in the register: the receipt alone, with the identities the job searched for, hashed.
      const job = await store.get(receipt.jobId);
      const identities = (job?.identities ?? []).map((i) => normaliseIdentity(i)).filter((i) => i !== undefined);
      const identityHashes = [...new Set(await Promise.all(identities.map((i) => hashIdentity(salt, i))))];
      await db.transaction('rw', [db.receipts, db.requests, db.audit], async () => {
        await db.requests.where('customerId').equals(customerId).delete();
        await db.receipts.add({
          id: receipt.id,
          customerHash,
          identityHashes,
          forgottenAt: receipt.completedAt,
          ...fields,
        });
        await db.audit.add({
          at: receipt.completedAt,
          action: 'customer.forgotten',
          customerHash,
          count: fields.itemCount,
          result: 'ok',
          detail: fields.tools.join(','),
        });
      });
    },

    salt: () => getSalt(db),
  };
}

type ReceiptFields = Pick<ErasureReceipt, 'tools' | 'itemCount' | 'backupsClearBy'>;

/** The register receipt's counts come from the tools (what the job erased), not from the register's items. */
function receiptFields(receipt: Receipt): ReceiptFields {
  return {
    tools: receipt.perTool.map((t) => t.tool).sort(),
    itemCount: receipt.perTool.reduce((n, t) => n + t.erased, 0),
    backupsClearBy: receipt.backupHorizon,
  };
}

async function rekey(db: RegisterDb, made: ErasureReceipt, id: string, fields: ReceiptFields): Promise<void> {
  await db.transaction('rw', db.receipts, async () => {
    await db.receipts.delete(made.id);
    await db.receipts.put({ ...made, ...fields, id });
  });
}
