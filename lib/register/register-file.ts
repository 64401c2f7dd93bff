import { z } from 'zod';
import { DATA_VERSION, registerTables, type RegisterDb } from './db';
import { decrypt, encrypt, envelopeSchema, DEFAULT_ITERATIONS } from './register-crypto';
import {
  auditEntrySchema,
  customerSchema,
  erasureReceiptSchema,
  holdSchema,
  identitySchema,
  itemSchema,
  jobSchema,
  metaSchema,
  requestSchema,
  retentionPolicySchema,
} from './schemas';

/** The decrypted content of a register file: every table, validated row by row on import. */
export const registerContentSchema = z
  .object({
    schemaVersion: z.literal(DATA_VERSION),
    exportedAt: z.number().int().nonnegative(),
    tables: z
      .object({
        customers: z.array(z.strictObject(customerSchema.shape)),
        identities: z.array(z.strictObject(identitySchema.shape)),
        items: z.array(z.strictObject(itemSchema.shape)),
        holds: z.array(z.strictObject(holdSchema.shape)),
        requests: z.array(z.strictObject(requestSchema.shape)),
        jobs: z.array(z.strictObject(jobSchema.shape)),
        audit: z.array(z.strictObject(auditEntrySchema.shape)),
        policies: z.array(z.strictObject(retentionPolicySchema.shape)),
        receipts: z.array(z.strictObject(erasureReceiptSchema.shape)),
        meta: z.array(z.strictObject(metaSchema.shape)),
      })
      .strict(),
  })
  .strict();
export type RegisterContent = z.infer<typeof registerContentSchema>;

export type RegisterFileProblem = 'malformed' | 'wrong-passphrase' | 'invalid-content' | 'conflict';

/** An import that was refused; nothing was written. `problem` picks the message the UI shows. */
export class RegisterFileError extends Error {
  override name = 'RegisterFileError';
  constructor(
    readonly problem: RegisterFileProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The whole register as one encrypted file (JSON text). */
export async function exportRegister(
  db: RegisterDb,
  passphrase: string,
  options: { iterations?: number; now?: number } = {},
): Promise<string> {
  if (passphrase.length < 8) throw new Error('Choose a passphrase of at least 8 characters');
  const now = options.now ?? Date.now();
  const content = await db.transaction(
    'r',
    registerTables.map((t) => db.table(t)),
    async () => {
      const tables = Object.fromEntries(
        await Promise.all(registerTables.map(async (t) => [t, await db.table(t).toArray()] as const)),
      );
      return { schemaVersion: DATA_VERSION, exportedAt: now, tables };
    },
  );
  const envelope = await encrypt(JSON.stringify(content), passphrase, options.iterations ?? DEFAULT_ITERATIONS);
  await db.audit.add({
    at: now,
    action: 'register.exported',
    count: content.tables.customers?.length ?? 0,
    result: 'ok',
  });
  return JSON.stringify(envelope);
}

/** Decrypts and validates a register file without writing anything. */
export async function readRegisterFile(text: string, passphrase: string): Promise<RegisterContent> {
  let envelope;
  try {
    envelope = envelopeSchema.parse(JSON.parse(text));
  } catch {
    throw new RegisterFileError('malformed', 'This is not a PrivacyDesk register file, or it is damaged.');
  }
  let plain: string;
  try {
    plain = await decrypt(envelope, passphrase);
  } catch {
    throw new RegisterFileError('wrong-passphrase', 'Wrong passphrase, or the file was changed after export.');
  }
  try {
    return registerContentSchema.parse(JSON.parse(plain));
  } catch {
    throw new RegisterFileError('invalid-content', 'The file decrypted, but its content is not a valid register.');
  }
}

/**
 * Replaces this browser's register with the file's content, in one transaction: a file that fails
 * to decrypt or validate, or rows that conflict, leave the register exactly as it was.
 */
export async function importRegister(
  db: RegisterDb,
  text: string,
  passphrase: string,
  now = Date.now(),
): Promise<{ customers: number; items: number }> {
  const content = await readRegisterFile(text, passphrase);
  try {
    await db.transaction(
      'rw',
      registerTables.map((t) => db.table(t)),
      async () => {
        for (const t of registerTables) {
          await db.table(t).clear();
          await db.table(t).bulkAdd(content.tables[t]);
        }
        await db.audit.add({
          at: now,
          action: 'register.imported',
          count: content.tables.customers.length,
          result: 'ok',
        });
      },
    );
  } catch (error) {
    if (error instanceof Error && /Constraint|BulkError/i.test(`${error.name} ${error.message}`)) {
      throw new RegisterFileError('conflict', 'The file holds conflicting rows (duplicate identities or ids).');
    }
    throw error;
  }
  return { customers: content.tables.customers.length, items: content.tables.items.length };
}
