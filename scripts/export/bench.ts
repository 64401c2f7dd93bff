/**
 * npm run bench:export — a customer with 1,000 conversations and 200 MB of attachments, generated
 * deterministically and streamed (never held whole): each file is fetched as a streamed HTTP response
 * through the extension's downloader, hashed, and written through the streaming ZIP into a temp file
 * with back-pressure. Each size runs in its own Node process (clean RSS): the size asked for
 * (BENCH_ATTACHMENT_MB, default 200) and twice that, to show that peak memory does not grow with the
 * dossier. The child runs as one esbuild bundle on plain Node, not through the tsx loader: the loader
 * alone adds ~40 MB of RSS that the extension never carries (BENCH_TSX=1 runs it through tsx instead). Prints, per run, the Node baseline RSS (modules loaded, the customer's records built, before
 * the export) and the peak RSS; the last line is one JSON object: {"seconds","peak_rss_mb","dossier_mb", …}
 * for the asked size, with the baseline and the 2x run.
 * What the export adds above the baseline is bounded, not proportional: chunks already written wait for
 * V8 to collect them (it collects ArrayBuffers after some tens of MB of them), plus the young generation.
 */
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dossierParts } from '../../lib/dossier/build-parts';
import { downloader } from '../../lib/dossier/download';
import { fileSink } from '../../lib/dossier/node-file-sink';
import { writeZip } from '../../lib/dossier/zip-writer';
import { syntheticCustomer, syntheticFetch } from './synthetic-customer';

const CONVERSATIONS = 1000;
const MB = 1024 * 1024;
const ASKED_MB = Number(process.env.BENCH_ATTACHMENT_MB ?? 200);

interface RunResult {
  seconds: number;
  baseline_rss_mb: number;
  peak_rss_mb: number;
  dossier_mb: number;
  files: number;
}

const round = (n: number) => Number(n.toFixed(2));

async function runOnce(attachmentMb: number): Promise<RunResult> {
  let peakRss = 0;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  // BENCH_OUT keeps the ZIP at that path (to open it and check it); by default it goes to a temp dir and is removed.
  const path = process.env.BENCH_OUT ?? join(dir, 'dossier.zip');
  try {
    const download = downloader({
      label: 'Bench',
      baseUrl: 'https://files.example',
      fetch: syntheticFetch(sample),
      headers: () => ({}),
    });
    const draft = syntheticCustomer({
      conversations: CONVERSATIONS,
      attachmentBytes: attachmentMb * MB,
      onChunk: sample,
      download,
    });
    const baseline = process.memoryUsage().rss;
    sample();
    const timer = setInterval(sample, 10);
    const started = performance.now();
    const result = await writeZip(
      dossierParts(draft, { scope: 'access', language: 'nl', now: Date.UTC(2026, 10, 28) }),
      fileSink(path),
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    sample();
    return {
      seconds: round(seconds),
      baseline_rss_mb: Number((baseline / MB).toFixed(1)),
      peak_rss_mb: Number((peakRss / MB).toFixed(1)),
      dossier_mb: Number((statSync(path).size / MB).toFixed(1)),
      files: result.files,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_CHILD) {
  console.log(JSON.stringify(await runOnce(Number(process.env.BENCH_CHILD))));
} else {
  const self = fileURLToPath(import.meta.url);
  const bundleDir = mkdtempSync(join(tmpdir(), 'dossier-bench-child-'));
  const bundle = join(bundleDir, 'bench.mjs');
  buildSync({
    entryPoints: [self],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  const childArgs = process.env.BENCH_TSX ? ['--import', 'tsx', self] : [bundle];
  const run = (mb: number): RunResult => {
    const out = execFileSync(process.execPath, childArgs, {
      env: { ...process.env, BENCH_CHILD: String(mb) },
      encoding: 'utf8',
    });
    return JSON.parse(out.trim().split('\n').at(-1)!) as RunResult;
  };
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`load average before: ${load()} (2 cores, shared)`);
  const runs = [ASKED_MB, ASKED_MB * 2].map((mb) => {
    const r = run(mb);
    console.log(
      `${mb} MB of attachments, ${CONVERSATIONS} conversations, ${r.files} files: dossier ${r.dossier_mb} MB in ${r.seconds} s; ` +
        `RSS baseline ${r.baseline_rss_mb} MB, peak ${r.peak_rss_mb} MB (+${(r.peak_rss_mb - r.baseline_rss_mb).toFixed(1)} MB)`,
    );
    return r;
  });
  rmSync(bundleDir, { recursive: true, force: true });
  const [asked, doubled] = runs as [RunResult, RunResult];
  console.log(
    `dossier x${(doubled.dossier_mb / asked.dossier_mb).toFixed(2)} → peak RSS x${(doubled.peak_rss_mb / asked.peak_rss_mb).toFixed(2)}, ` +
      `export's own RSS +${(asked.peak_rss_mb - asked.baseline_rss_mb).toFixed(1)} → +${(doubled.peak_rss_mb - doubled.baseline_rss_mb).toFixed(1)} MB; load average after: ${load()}`,
  );
  console.log(
    JSON.stringify({
      seconds: asked.seconds,
      peak_rss_mb: asked.peak_rss_mb,
      dossier_mb: asked.dossier_mb,
      baseline_rss_mb: asked.baseline_rss_mb,
      peak_rss_mb_at_2x: doubled.peak_rss_mb,
      dossier_mb_at_2x: doubled.dossier_mb,
    }),
  );
}
