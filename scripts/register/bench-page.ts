/**
 * Runs inside real Chromium (bundled by bench.ts): seeds the register with bulkAdd in batches, then
 * times the queries the extension depends on, through the same lib/register code.
 */
import { searchCustomers } from '@/lib/register/customer-search';
import { RegisterDb } from '@/lib/register/db';
import { retentionDue } from '@/lib/register/retention-due';
import type { Customer, Identity, Item } from '@/lib/register/schemas';

export interface BenchOptions {
  customers: number;
  items: number;
  lookups: number;
  searches: number;
  batch: number;
  durability: 'relaxed' | 'strict' | 'default';
}

const tools = ['gmail', 'outlook', 'zendesk', 'freshdesk', 'helpscout', 'front', 'intercom', 'meta'] as const;
const kinds = ['conversation', 'message', 'message', 'message', 'attachment'] as const;
const first = ['anna', 'bram', 'chris', 'daan', 'eva', 'fleur', 'gijs', 'hanna', 'ivo', 'julia', 'kees', 'lotte'];
const last = ['de vries', 'jansen', 'bakker', 'visser', 'smit', 'meijer', 'de boer', 'mulder', 'de groot', 'bos'];
const DAY = 86_400_000;

// Deterministic PRNG (mulberry32) so runs are comparable.
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const email = (i: number) => `customer${i}@example${i % 97}.nl`;
const phone = (i: number) => `+316${String(10_000_000 + i).slice(-8)}`;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

const log = (msg: string) => console.log(`[bench] ${msg}`);

async function seed(db: RegisterDb, o: BenchOptions, now: number): Promise<void> {
  const rand = rng(42);
  const t0 = performance.now();
  for (let start = 0; start < o.customers; start += o.batch) {
    const customers: Customer[] = [];
    const identities: Identity[] = [];
    for (let i = start; i < Math.min(o.customers, start + o.batch); i++) {
      const name = `${first[i % first.length]} ${last[(i * 7) % last.length]} ${i}`;
      customers.push({ id: `c${i}`, name, nameKey: name, createdAt: now - 400 * DAY, updatedAt: now });
      identities.push({ id: `e${i}`, customerId: `c${i}`, kind: 'email', value: email(i), firstSeen: now });
      if (i % 2 === 0)
        identities.push({ id: `p${i}`, customerId: `c${i}`, kind: 'phone', value: phone(i), firstSeen: now });
    }
    await db.transaction('rw', db.customers, db.identities, async () => {
      await db.customers.bulkAdd(customers);
      await db.identities.bulkAdd(identities);
    });
  }
  log(`customers seeded in ${Math.round(performance.now() - t0)} ms`);
  const t1 = performance.now();
  for (let start = 0; start < o.items; start += o.batch) {
    const items: Item[] = [];
    for (let n = start; n < Math.min(o.items, start + o.batch); n++) {
      const c = Math.floor(rand() * o.customers);
      const tool = tools[n % tools.length]!;
      const lastSeen = now - Math.floor(rand() * 1000) * DAY;
      items.push({
        id: `i${n}`,
        customerId: `c${c}`,
        tool,
        kind: kinds[n % kinds.length]!,
        toolId: `${tool}-${n}`,
        url: `https://example.test/${tool}/${n}`,
        firstSeen: lastSeen - 30 * DAY,
        lastSeen,
        closedAt: lastSeen,
        piiTypes: ['EMAIL'],
        retentionDueAt: lastSeen + 730 * DAY,
        held: rand() < 0.05 ? 1 : 0,
      });
    }
    await db.items.bulkAdd(items);
    if ((start / o.batch) % 20 === 0) log(`items ${start + items.length} in ${Math.round(performance.now() - t1)} ms`);
  }
  log(`items seeded in ${Math.round(performance.now() - t1)} ms`);
}

export async function runBench(o: BenchOptions) {
  const db = new RegisterDb('bench-register', { chromeTransactionDurability: o.durability });
  await db.delete();
  await db.open();
  const now = Date.UTC(2026, 10, 1);
  await seed(db, o, now);
  db.close();
  // Reopen: the measurements start from a cold connection, as a restarted service worker would.
  const fresh = new RegisterDb('bench-register');
  await fresh.open();

  const rand = rng(7);
  const lookups: number[] = [];
  for (let k = 0; k < o.lookups; k++) {
    const i = Math.floor(rand() * o.customers);
    const key: [string, string] = k % 2 ? ['email', email(i)] : ['phone', phone(i - (i % 2))];
    const t = performance.now();
    const hit = await fresh.identities.where('[kind+value]').equals(key).first();
    lookups.push(performance.now() - t);
    if (!hit) throw new Error(`lookup ${k} found nothing`);
  }

  const td = performance.now();
  const due = await retentionDue(fresh, now, 50);
  const dueMs = performance.now() - td;
  log(`retention due: ${due.count} items, first page ${due.first.length}`);
  const again: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    await retentionDue(fresh, now, 50);
    again.push(performance.now() - t);
  }
  const tp = performance.now();
  await fresh.dueDays
    .where('day')
    .below(Math.floor(now / DAY))
    .toArray();
  const partsDays = performance.now() - tp;
  log(
    `retention due repeated (ms): ${again.map((x) => x.toFixed(1)).join(', ')}; per-day counters read ${partsDays.toFixed(1)} ms`,
  );

  const queries = ['customer123', 'anna de', '+31610001', 'lotte', 'customer9999@', '0610004', 'gijs de', 'customer5'];
  const searches: number[] = [];
  for (let k = 0; k < o.searches; k++) {
    const q = queries[k % queries.length]!;
    const t = performance.now();
    const found = await searchCustomers(fresh, q, 20);
    searches.push(performance.now() - t);
    if (found.length === 0) throw new Error(`search "${q}" found nothing`);
  }

  const estimate = await navigator.storage.estimate();
  fresh.close();
  return {
    lookup_p95_ms: Number(p95(lookups).toFixed(2)),
    due_query_ms: Number(dueMs.toFixed(1)),
    search_first_ms: Number(p95(searches).toFixed(1)),
    db_mb: Number(((estimate.usage ?? 0) / 1_048_576).toFixed(1)),
    due_count: due.count,
  };
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
