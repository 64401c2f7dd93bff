/**
 * npm run bench:register — the register at scale in real Chromium: bundles bench-page.ts with
 * esbuild and serves it on 127.0.0.1. One browser seeds 100,000 customers and 1,000,000 items and
 * is closed; a freshly started browser on a copy of that profile then times the identity lookup
 * (p95), the retention-due query and the customer search. db_mb is the register's IndexedDB
 * directory on disk (du), navigator.storage.estimate() is logged beside it.
 *
 * Seeding 1M rows costs minutes (IndexedDB writes row by row), so the seeded profile is cached under
 * node_modules/.cache/, keyed by a hash of the bundled code and the options: any change to the
 * register's schema or write path reseeds. BENCH_FRESH=1 forces a new seed.
 * Smaller runs: BENCH_CUSTOMERS=10000 BENCH_ITEMS=100000 npm run bench:register
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import type { BenchOptions } from './bench-seed';

const root = resolve(import.meta.dirname, '../..');
const options: BenchOptions = {
  customers: Number(process.env.BENCH_CUSTOMERS ?? 100_000),
  items: Number(process.env.BENCH_ITEMS ?? 1_000_000),
  lookups: 1_000,
  searches: 40,
  batch: Number(process.env.BENCH_BATCH ?? 25_000),
  inFlight: Number(process.env.BENCH_IN_FLIGHT ?? 2),
  durability: (process.env.BENCH_DURABILITY ?? 'relaxed') as BenchOptions['durability'],
};
// IndexedDB is per origin (port included): a fixed port lets a cached profile be opened again.
const port = Number(process.env.BENCH_PORT ?? 47_813);

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [join(root, 'scripts/register', entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    plugins: [
      {
        name: 'at-alias',
        setup(b) {
          b.onResolve({ filter: /^@\// }, async (args) =>
            b.resolve(join(root, args.path.slice(2)), { kind: args.kind, resolveDir: root }),
          );
        },
      },
    ],
  });
  return out.outputFiles[0]!.text;
}
const script = await bundle('bench-page.ts');
// The seed's own bundle (register schema, middleware, write path, row generator) keys the cache.
const seedScript = await bundle('bench-seed.ts');
const html =
  '<!doctype html><meta charset="utf-8"><title>register bench</title><script type="module" src="/bench.js"></script>';

const server = createServer((req, res) => {
  const js = req.url === '/bench.js';
  res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
  res.end(js ? script : html);
});
await new Promise<void>((ok, ko) => server.once('error', ko).listen(port, '127.0.0.1', ok));

async function inBrowser<T>(profile: string, run: (page: import('playwright-core').Page) => Promise<T>): Promise<T> {
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => console.log(m.text()));
    page.on('pageerror', (e) => console.error(e.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'measureBench' in window);
    return await run(page);
  } finally {
    await context.close();
  }
}

const seedKey = createHash('sha256')
  .update(seedScript)
  .update(JSON.stringify([options.customers, options.items, options.durability, port]))
  .digest('hex')
  .slice(0, 16);
const cacheRoot = join(root, 'node_modules/.cache/privacydesk-register-bench');
const cached = join(cacheRoot, seedKey);
const work = mkdtempSync(join(tmpdir(), 'pd-register-bench-'));
const profile = join(work, 'profile');
try {
  console.log(`[bench] ${options.customers} customers, ${options.items} items`);
  if (process.env.BENCH_FRESH || !existsSync(cached)) {
    const seeding = join(work, 'seeding');
    const started = Date.now();
    await inBrowser(seeding, (page) =>
      page.evaluate(
        (o) => (window as unknown as { seedBench: (x: typeof o) => Promise<unknown> }).seedBench(o),
        options,
      ),
    );
    console.log(`[bench] seeded in ${Math.round((Date.now() - started) / 1000)} s (cached as ${seedKey})`);
    rmSync(cacheRoot, { recursive: true, force: true });
    mkdirSync(cacheRoot, { recursive: true });
    renameSync(seeding, cached);
  } else {
    console.log(`[bench] reusing the seeded profile ${seedKey} (BENCH_FRESH=1 to seed again)`);
  }
  cpSync(cached, profile, { recursive: true });
  const kb = Number(
    execFileSync('du', ['-sk', join(profile, 'Default', 'IndexedDB')], { encoding: 'utf8' }).split('\t')[0],
  );
  const result = await inBrowser(profile, (page) =>
    page.evaluate(
      (o) => (window as unknown as { measureBench: (x: typeof o) => Promise<Record<string, number>> }).measureBench(o),
      options,
    ),
  );
  console.log(
    `[bench] retention due ${result.due_count} items; storage estimate ${result.estimate_mb} MB; IndexedDB on disk ${(kb / 1024).toFixed(1)} MB`,
  );
  console.log(
    JSON.stringify({
      lookup_p95_ms: result.lookup_p95_ms,
      due_query_ms: result.due_query_ms,
      search_first_ms: result.search_first_ms,
      db_mb: Number((kb / 1024).toFixed(1)),
    }),
  );
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
}
