/**
 * The register's Dexie database: the schema in one place, one typed table per entity. Only what is
 * queried is indexed; message text is never stored, and nothing secret is indexed.
 */
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import { dueCounterMiddleware, type DueDay } from './due-counter';
import { upgradeToV2 } from './migrations/v2-normalise-phones';
import type {
  AuditEntry,
  Customer,
  DataSubjectRequest,
  ErasureReceipt,
  Hold,
  Identity,
  Item,
  Job,
  Meta,
  RetentionPolicy,
} from './schemas';

export const REGISTER_DB_NAME = 'privacydesk-register';

/** Version 1: phones stored as seen; customers not searchable by name. */
export const schemaV1 = {
  customers: 'id',
  identities: 'id, &[kind+value], customerId',
  items: 'id, &[tool+kind+toolId], customerId, [held+retentionDueAt]',
  holds: 'id, itemId, until',
  requests: 'id, customerId, deadline',
  jobs: 'id, status, customerId, updatedAt',
  audit: '++id, at',
  policies: 'id',
  receipts: 'id, *identityHashes',
  meta: 'key',
} as const;

/**
 * Version 2: phones in E.164, a lower-cased name key for the dashboard's name search, and the
 * per-day count of retention-due items (kept by due-counter.ts).
 */
export const schemaV2 = { ...schemaV1, customers: 'id, nameKey', dueDays: 'day' } as const;

/**
 * Version 3: index only what is queried. Jobs are read by id, listed by `updatedAt` and moved by
 * `customerId` when customers merge (the job stores filter by kind in memory); nothing queries them by
 * status, so that index goes. Rows are unchanged, so there is no upgrade function.
 */
export const schemaV3 = { ...schemaV2, jobs: 'id, customerId, updatedAt' } as const;

export const CURRENT_VERSION = 3;

/** The last version that changed rows: the register file's format (v3 changed indexes only). */
export const DATA_VERSION = 2;

export const defaultPolicy: RetentionPolicy = {
  id: 'default',
  tool: '*',
  kind: '*',
  months: 24,
  basis: 'closedAt',
  label: 'Default: 24 months after the conversation closed',
};

export class RegisterDb extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  identities!: EntityTable<Identity, 'id'>;
  items!: EntityTable<Item, 'id'>;
  holds!: EntityTable<Hold, 'id'>;
  requests!: EntityTable<DataSubjectRequest, 'id'>;
  jobs!: EntityTable<Job, 'id'>;
  audit!: EntityTable<AuditEntry, 'id'>;
  policies!: EntityTable<RetentionPolicy, 'id'>;
  receipts!: EntityTable<ErasureReceipt, 'id'>;
  meta!: EntityTable<Meta, 'key'>;
  /** Derived from items (never exported): see due-counter.ts. */
  dueDays!: EntityTable<DueDay, 'day'>;

  constructor(name: string = REGISTER_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.use(dueCounterMiddleware);
    this.version(1).stores(schemaV1);
    this.version(2)
      .stores(schemaV2)
      .upgrade((tx: Transaction) => upgradeToV2(tx));
    this.version(3).stores(schemaV3);
    this.on('populate', (tx: Transaction) => {
      void tx.table('policies').add(defaultPolicy);
    });
  }
}

/** Every table that holds data of its own (dueDays is derived), for export/import. */
export const registerTables = [
  'customers',
  'identities',
  'items',
  'holds',
  'requests',
  'jobs',
  'audit',
  'policies',
  'receipts',
  'meta',
] as const;
export type RegisterTableName = (typeof registerTables)[number];

let shared: RegisterDb | undefined;

/** The register of this browser profile (one per extension context). */
export function getRegister(): RegisterDb {
  shared ??= new RegisterDb();
  return shared;
}
