/**
 * Runs inside real Chromium (bundled by bench.ts): `measureBench`, in a freshly started browser on the
 * seeded profile (bench-seed.ts), times the queries the extension depends on through the same
 * lib/register code.
 */
import { searchCustomers } from '@/lib/register/customer-search';
import { RegisterDb } from '@/lib/register/db';
import { findIdentity } from '@/lib/register/find-identity';
import { retentionDue } from '@/lib/register/retention-due';
import { DB_NAME, email, log, NOW, phone, rng, type BenchOptions } from './bench-seed';

export type { BenchOptions };

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

/** The same kind of lookup on the bare IndexedDB API (one index get in its own transaction). */
function rawLookup(idb: IDBDatabase, key: [string, string]): Promise<unknown> {
  return new Promise((ok, ko) => {
    const req = idb.transaction('identities').objectStore('identities').index('[kind+value]').get(key);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => ko(req.error);
  });
}

export async function measureBench(o: BenchOptions) {
  // A freshly started browser opens the register: the measurements start cold, as after a restart.
  const db = new RegisterDb(DB_NAME);
  const to = performance.now();
  await db.open();
  log(`open ${(performance.now() - to).toFixed(1)} ms`);

  // Peer in the same page: a bare IndexedDB connection, its lookups interleaved with the register's
  // (other random keys), so both see the same cache state and machine load.
  const idb = await new Promise<IDBDatabase>((ok, ko) => {
    const req = indexedDB.open(DB_NAME);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => ko(req.error);
  });
  const rand = rng(7);
  const peerRand = rng(8);
  const lookups: number[] = [];
  const peer: number[] = [];
  for (let k = 0; k < o.lookups; k++) {
    const i = Math.floor(rand() * o.customers);
    const key =
      k % 2 ? { kind: 'email' as const, value: email(i) } : { kind: 'phone' as const, value: phone(i - (i % 2)) };
    const j = Math.floor(peerRand() * o.customers);
    const peerKey: [string, string] = k % 2 ? ['email', email(j)] : ['phone', phone(j - (j % 2))];
    const tp = performance.now();
    if (k % 2) await rawLookup(idb, peerKey);
    const t = performance.now();
    const hit = await findIdentity(db, key);
    lookups.push(performance.now() - t);
    if (k % 2) peer.push(t - tp);
    else {
      const tq = performance.now();
      await rawLookup(idb, peerKey);
      peer.push(performance.now() - tq);
    }
    if (hit?.customerId !== `c${k % 2 ? i : i - (i % 2)}`) throw new Error(`lookup ${k} found the wrong row`);
  }
  idb.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
  log(
    `lookup median ${median(lookups).toFixed(2)} ms, p95 ${p95(lookups).toFixed(2)} ms, max ${Math.max(...lookups).toFixed(1)} ms; ` +
      `bare IndexedDB index.get peer: median ${median(peer).toFixed(2)} ms, p95 ${p95(peer).toFixed(2)} ms`,
  );

  const td = performance.now();
  const due = await retentionDue(db, NOW, 50);
  const dueMs = performance.now() - td;
  log(`retention due: ${due.count} items, first page ${due.first.length}`);
  const again: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    await retentionDue(db, NOW, 50);
    again.push(performance.now() - t);
  }
  log(`retention due repeated (ms): ${again.map((x) => x.toFixed(1)).join(', ')}`);

  const queries = ['customer123', 'anna de', '+31610001', 'lotte', 'customer9999@', '0610004', 'gijs de', 'customer5'];
  const searches: number[] = [];
  for (let k = 0; k < o.searches; k++) {
    const q = queries[k % queries.length]!;
    const t = performance.now();
    const found = await searchCustomers(db, q, 20);
    searches.push(performance.now() - t);
    if (found.length === 0) throw new Error(`search "${q}" found nothing`);
  }

  const estimate = await navigator.storage.estimate();
  db.close();
  return {
    lookup_p95_ms: Number(p95(lookups).toFixed(2)),
    due_query_ms: Number(dueMs.toFixed(1)),
    search_first_ms: Number(p95(searches).toFixed(1)),
    estimate_mb: Number(((estimate.usage ?? 0) / 1_048_576).toFixed(1)),
    due_count: due.count,
  };
}

Object.assign(window, { measureBench });
