import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegisterDb } from '@/lib/register/db';
import { addHold } from '@/lib/register/holds';
import { observeConversation } from '@/lib/register/observe-conversation';
import { encrypt, fromBase64, toBase64 } from '@/lib/register/register-crypto';
import { exportRegister, importRegister, RegisterFileError } from '@/lib/register/register-file';
import { conversation, freshRegister, T0 } from './fresh-register';

let db: RegisterDb;
beforeEach(() => {
  db = freshRegister();
});
afterEach(() => db.close());

const PASS = 'correct horse battery';
const fast = { iterations: 100_000, now: T0 };

async function snapshot(d: RegisterDb) {
  return {
    customers: await d.customers.toArray(),
    identities: await d.identities.toArray(),
    items: await d.items.toArray(),
    holds: await d.holds.toArray(),
    audit: await d.audit.count(),
  };
}

async function seed(d: RegisterDb, email: string) {
  const r = await observeConversation(
    d,
    conversation(email, [{ kind: 'email', value: email }], { messages: ['m-' + email] }),
    T0,
  );
  const item = (await d.items.where('customerId').equals(r.customerId).first())!;
  await addHold(d, item.id, { reason: 'Contract', legalGround: 'fiscale bewaarplicht 7 jaar', by: 'lead' }, T0);
}

async function expectRefused(text: string, pass: string, problem: RegisterFileError['problem']) {
  const before = await snapshot(db);
  const error = await importRegister(db, text, pass, T0).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RegisterFileError);
  expect((error as RegisterFileError).problem).toBe(problem);
  expect(await snapshot(db)).toEqual(before);
}

describe('register export and import', () => {
  it('round-trips the whole register into another browser, replacing what was there', async () => {
    await seed(db, 'a@x.nl');
    const file = await exportRegister(db, PASS, fast);
    expect(file).not.toContain('a@x.nl');
    const source = await snapshot(db);
    const salt = (await db.meta.toArray())[0];
    db.close();

    db = freshRegister();
    await seed(db, 'other@x.nl');
    expect(await importRegister(db, file, PASS, T0)).toEqual({ customers: 1, items: 2 });
    const after = await snapshot(db);
    expect(after.customers).toEqual(source.customers);
    expect(after.identities).toEqual(source.identities);
    expect(after.items).toEqual(source.items);
    expect(after.holds).toEqual(source.holds);
    expect((await db.meta.toArray())[0]).toEqual(salt);
    // The file holds the audit up to the export; the import adds its own entry.
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(['hold.added', 'register.imported']);
  });

  it('refuses a wrong passphrase, a tampered file or a malformed one and writes nothing', async () => {
    await seed(db, 'a@x.nl');
    const file = await exportRegister(db, PASS, fast);
    await seed(db, 'b@x.nl');

    await expectRefused(file, 'wrong passphrase!', 'wrong-passphrase');

    const envelope = JSON.parse(file);
    const bytes = fromBase64(envelope.data);
    bytes[10] = bytes[10]! ^ 1;
    await expectRefused(JSON.stringify({ ...envelope, data: toBase64(bytes) }), PASS, 'wrong-passphrase');
    // Changing the header (here the iteration count) is tampering too.
    await expectRefused(
      JSON.stringify({ ...envelope, kdf: { ...envelope.kdf, iterations: 100_001 } }),
      PASS,
      'wrong-passphrase',
    );

    await expectRefused('{"format":"privacydesk-register"', PASS, 'malformed');
    await expectRefused(JSON.stringify({ ...envelope, version: 2 }), PASS, 'malformed');
    await expectRefused('', PASS, 'malformed');
  });

  it('refuses content that decrypts but is not a valid register, and conflicting rows', async () => {
    await seed(db, 'a@x.nl');
    const bad = await encrypt(
      JSON.stringify({ schemaVersion: 2, exportedAt: T0, tables: { customers: 'x' } }),
      PASS,
      100_000,
    );
    await expectRefused(JSON.stringify(bad), PASS, 'invalid-content');

    const text = await exportRegister(db, PASS, fast);
    const { readRegisterFile } = await import('@/lib/register/register-file');
    const content = await readRegisterFile(text, PASS);
    const dup = content.tables.identities[0]!;
    content.tables.identities.push({ ...dup, id: 'another-id' });
    const conflicting = await encrypt(JSON.stringify(content), PASS, 100_000);
    await expectRefused(JSON.stringify(conflicting), PASS, 'conflict');
  });
});
