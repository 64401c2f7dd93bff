/**
 * npm run bench:register — the register at scale in real Chromium: bundles bench-page.ts with
 * esbuild, serves it on 127.0.0.1, seeds 100,000 customers and 1,000,000 items, and prints the
 * identity lookup p95, the retention-due query, the customer search and the database size.
 * Smaller runs: BENCH_CUSTOMERS=10000 BENCH_ITEMS=100000 npm run bench:register
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const options = {
  customers: Number(process.env.BENCH_CUSTOMERS ?? 100_000),
  items: Number(process.env.BENCH_ITEMS ?? 1_000_000),
  lookups: 1_000,
  searches: 40,
  batch: Number(process.env.BENCH_BATCH ?? 10_000),
  durability: (process.env.BENCH_DURABILITY ?? 'relaxed') as 'relaxed' | 'strict' | 'default',
};

const bundle = await build({
  entryPoints: [join(root, 'scripts/register/bench-page.ts')],
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
const script = bundle.outputFiles[0]!.text;
const html =
  '<!doctype html><meta charset="utf-8"><title>register bench</title><script type="module" src="/bench.js"></script>';

const server = createServer((req, res) => {
  const js = req.url === '/bench.js';
  res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
  res.end(js ? script : html);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const port = (server.address() as { port: number }).port;

const profile = mkdtempSync(join(tmpdir(), 'pd-register-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: false,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => console.log(m.text()));
  page.on('pageerror', (e) => console.error(e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => 'runBench' in window);
  console.log(`[bench] ${options.customers} customers, ${options.items} items`);
  const started = Date.now();
  const result = await page.evaluate(
    (o) => (window as unknown as { runBench: (x: typeof o) => Promise<Record<string, number>> }).runBench(o),
    options,
  );
  const du = execFileSync('du', ['-sm', join(profile, 'Default', 'IndexedDB')], { encoding: 'utf8' }).split('\t')[0];
  console.log(
    `[bench] total ${Math.round((Date.now() - started) / 1000)} s; retention due ${result.due_count} items; IndexedDB on disk ${du} MB`,
  );
  console.log(
    JSON.stringify({
      lookup_p95_ms: result.lookup_p95_ms,
      due_query_ms: result.due_query_ms,
      search_first_ms: result.search_first_ms,
      db_mb: result.db_mb,
    }),
  );
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
