/**
 * npm run bench:retention — the due computation over a register of 1,000,000 items.
 * Measures the pure computation (lib/retention/due-scan.ts: policy per tool and kind, due date from
 * the tool's timestamps, ok/due/overdue, held items left out) over 1M in-memory rows, which is what
 * a run does after reading the rows. The register's IndexedDB due query is not measured here
 * (fake-indexeddb in Node is far slower than a browser): `npm run bench:register` measures it in
 * real Chromium. Rows are generated from a fixed seed, so every run computes the same answer.
 * Smaller or larger: BENCH_ITEMS=100000 npm run bench:retention
 */
import { loadavg } from 'node:os';
import { DAY_MS } from '../../lib/register/calendar';
import { dueInfo } from '../../lib/retention/due-state';
import type { ItemKind } from '../../lib/register/schemas';
import { scanDue, type ScanRow } from '../../lib/retention/due-scan';
import { retentionPresets } from '../../lib/retention/presets';

const items = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const now = Date.UTC(2026, 10, 28, 12);

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tools = ['zendesk', 'gmail', 'outlook', 'freshdesk', 'helpscout', 'front', 'intercom', 'meta'];
const kinds: ItemKind[] = ['conversation', 'conversation', 'message', 'message', 'message', 'attachment', 'contact'];
const random = rng(42);
const t0 = performance.now();
const rows: ScanRow[] = new Array(items);
for (let i = 0; i < items; i += 1) {
  const kind = kinds[Math.floor(random() * kinds.length)]!;
  const seen = now - Math.floor(random() * 5 * 365) * DAY_MS;
  const closed = random() < 0.8;
  rows[i] = {
    tool: tools[Math.floor(random() * tools.length)]!,
    kind,
    lastSeen: seen,
    ...(closed && kind !== 'contact' ? { closedAt: seen - Math.floor(random() * 30) * DAY_MS } : {}),
    held: random() < 0.02,
  };
}
console.log(`generated ${items.toLocaleString('en')} rows in ${((performance.now() - t0) / 1000).toFixed(2)} s`);

// Cross-check a sample against the per-item definition, so the fast path cannot drift from it.
const result = scanDue(rows, retentionPresets, now);
const dueSet = new Set(result.due);
for (let i = 0; i < Math.min(items, 20_000); i += 1) {
  const row = rows[i]!;
  const info = dueInfo(retentionPresets, row, now);
  const expected = !row.held && info !== undefined && info.state !== 'ok';
  if (expected !== dueSet.has(i)) throw new Error(`row ${i}: scan and definition disagree`);
}

const times: number[] = [];
let due = 0;
for (let r = 0; r < runs; r += 1) {
  const start = performance.now();
  due = scanDue(rows, retentionPresets, now).due.length;
  times.push((performance.now() - start) / 1000);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(`load average while measuring: ${loadavg()[0]!.toFixed(1)} (2 cores shared)`);
console.log(`what: pure due computation over in-memory rows (not the IndexedDB query; see bench:register)`);
console.log(
  `runs: ${times.map((t) => t.toFixed(3)).join(' s, ')} s; first ${times[0]!.toFixed(3)} s, median ${median.toFixed(3)} s (target ≤ 1 s)`,
);
console.log(
  `groups: ${[...result.groups.values()].length} (tool × policy); held past their date: ${[...result.groups.values()].reduce((n, g) => n + g.held, 0)}`,
);
console.log(JSON.stringify({ items, due_items: due, seconds: Number(median.toFixed(3)) }));
