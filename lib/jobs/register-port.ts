/**
 * What the erasure job needs from the register (lib/register): a data-subject request opened and
 * closed, audit entries, and forgetting the customer while keeping a hashed receipt. The in-memory
 * version serves tests until the Dexie register is wired in (see lib/erasure-bridge/).
 */
export interface Receipt {
  id: string;
  jobId: string;
  /** Salted SHA-256 of the customer's normalised identities: proof without the person. */
  customerHash: string;
  requestedAt: number;
  completedAt: number;
  perTool: { tool: string; erased: number; kept: number; permanence: string; backupHorizonDays: number }[];
  /** The last day erased data may still live in a tool's backups. */
  backupHorizon: number;
}

export interface AuditEntry {
  at: number;
  action:
    'erase-started' | 'erase-step-failed' | 'erase-verified' | 'erase-partial' | 'erase-completed' | 'manual-confirmed';
  jobId: string;
  tool?: string;
  counts?: Record<string, number>;
}

export interface RegisterPort {
  /** The request's id, or undefined when the register does not know the customer (nothing to track). */
  openErasureRequest(customerId: string, at: number): Promise<string | undefined>;
  closeRequest(requestId: string, outcome: 'completed' | 'partial', at: number): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  /** Removes the customer, identities, items and holds; keeps the receipt and audit entries. Idempotent by receipt id. */
  forgetCustomer(customerId: string, receipt: Receipt): Promise<void>;
  salt(): Promise<string>;
}

export class MemoryRegister implements RegisterPort {
  readonly requests = new Map<
    string,
    { customerId: string; openedAt: number; closed?: { outcome: string; at: number } }
  >();
  readonly auditLog: AuditEntry[] = [];
  readonly receipts: Receipt[] = [];
  readonly forgotten: string[] = [];
  private next = 1;

  async openErasureRequest(customerId: string, at: number): Promise<string> {
    const id = `req-${this.next++}`;
    this.requests.set(id, { customerId, openedAt: at });
    return id;
  }
  async closeRequest(requestId: string, outcome: 'completed' | 'partial', at: number): Promise<void> {
    const request = this.requests.get(requestId);
    if (request) request.closed = { outcome, at };
  }
  async audit(entry: AuditEntry): Promise<void> {
    this.auditLog.push(entry);
  }
  async forgetCustomer(customerId: string, receipt: Receipt): Promise<void> {
    if (this.receipts.some((r) => r.id === receipt.id)) return;
    this.forgotten.push(customerId);
    this.receipts.push(receipt);
  }
  async salt(): Promise<string> {
    return 'test-salt';
  }
}
