// npm run bench:pii — throughput of lib/pii vs the JavaScript peers on the same 5 MB of support text, each
// one's F1 on our corpus, the engine's gzip size, and slice durations of the time-sliced runner.
// Our engine is measured as it ships: the minified bundle (esbuild, the same one whose gzip size is reported),
// imported from a file. Run through this script's own TypeScript loader (tsx) it would carry what that loader adds
// for debugging (every function wrapped to keep its name, source maps), which the extension's build does not;
// the peers run as their packages ship, untransformed.
import { build } from 'esbuild';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { PII_TYPES } from '../../lib/pii';
import { generateCorpus } from './corpus/generate';
import { benchText, SHIPPED_ENGINE_BUILD } from './bench-text';
import { CORPUS_SEED, CORPUS_SIZE } from './generate-corpus';
import { peers, type Engine } from './peers';
import { micro, scoreCase, type Tally } from './score';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = (s: string) => process.stdout.write(`${s}\n`);
/** Slow peers are measured on a prefix of the text for at most this long, then extrapolated. */
const PEER_TIME_CAP_MS = Number(process.env.PII_BENCH_CAP_MS ?? 15_000);

async function throughput(engine: Engine, chunks: string[]): Promise<{ mbs: number; mb: number }> {
  // Warm-up (JIT, lazily built tables): the same for every engine, at most 4 chunks or one second.
  const w0 = performance.now();
  for (const c of chunks.slice(0, 4)) {
    await engine.run(c);
    if (performance.now() - w0 > 1000) break;
  }
  let bytes = 0;
  const t0 = performance.now();
  for (const c of chunks) {
    await engine.run(c);
    bytes += c.length;
    if (performance.now() - t0 > PEER_TIME_CAP_MS) break;
  }
  const s = (performance.now() - t0) / 1000;
  return { mbs: bytes / 1e6 / s, mb: bytes / 1e6 };
}

async function corpusF1(engine: Engine): Promise<number> {
  const tally: Tally = new Map();
  const types = new Set<string>(PII_TYPES);
  for (const m of generateCorpus(CORPUS_SEED, CORPUS_SIZE)) {
    scoreCase(
      { id: m.id, text: m.text, entities: m.entities, exhaustive: true },
      await engine.spans(m.text),
      types,
      tally,
    );
  }
  return micro(tally).f1;
}

/** The engine as shipped: lib/pii bundled and minified, written to a file and imported from it. */
async function shippedEngine(): Promise<{ engine: typeof import('../../lib/pii'); raw: number; gz: number }> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'lib/pii/index.ts')],
    ...SHIPPED_ENGINE_BUILD,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const dir = path.join(repoRoot, 'node_modules/.cache/pii-bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `engine-${process.pid}.mjs`);
  writeFileSync(file, code);
  const engine = (await import(pathToFileURL(file).href)) as typeof import('../../lib/pii');
  unlinkSync(file);
  return { engine, raw: code.length / 1024, gz: gzipSync(code, { level: 9 }).length / 1024 };
}

/** Process CPU time in ms: under load, wall-clock slices also hold the time other processes ran. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function sliceDurations(
  chunks: string[],
  clock: () => number,
): Promise<{ max: number; p95: number; p50: number; slices: number }> {
  const texts = chunks.flatMap((c) => c.split('\n\n'));
  const durations: number[] = [];
  await shipped.engine.detectPiiSliced(texts, { budgetMs: 8, now: clock, onSlice: (ms) => durations.push(ms) });
  durations.sort((a, b) => a - b);
  return {
    max: durations[durations.length - 1] ?? 0,
    p95: durations[Math.floor(durations.length * 0.95)] ?? 0,
    p50: durations[Math.floor(durations.length * 0.5)] ?? 0,
    slices: durations.length,
  };
}

const chunks = benchText();
const totalMb = chunks.reduce((n, c) => n + c.length, 0) / 1e6;
out(`Bench text: ${totalMb.toFixed(2)} MB of generated nl/en support messages in ${chunks.length} chunks of ~64 KB`);

const shipped = await shippedEngine();
const { detectPii } = shipped.engine;
const ours: Engine = { name: 'privacydesk lib/pii', run: (t) => detectPii(t), spans: (t) => detectPii(t) };
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const ourSpeed = await throughput({ ...ours }, chunks);
const ourF1 = await corpusF1(ours);
out(
  `\n${ours.name.padEnd(30)} ${ourSpeed.mbs.toFixed(2).padStart(8)} MB/s  micro-F1 ${ourF1.toFixed(3)}  (on ${ourSpeed.mb.toFixed(2)} MB)`,
);

let fastestPeer = 0;
let bestPeerF1 = 0;
for (const peer of peers()) {
  const speed = await throughput(peer, chunks);
  const f1 = await corpusF1(peer);
  fastestPeer = Math.max(fastestPeer, speed.mbs);
  bestPeerF1 = Math.max(bestPeerF1, f1);
  out(
    `${peer.name.padEnd(30)} ${speed.mbs.toFixed(2).padStart(8)} MB/s  micro-F1 ${f1.toFixed(3)}  (on ${speed.mb.toFixed(2)} MB)  ours/peer speed ${(ourSpeed.mbs / speed.mbs).toFixed(2)}x`,
  );
}

// Reporting only (the JSON keeps the first run): ours measured once more now that the JIT has compiled it. The
// first run above follows the text generation and only 4 warm-up chunks, so it also holds compile time and the
// young-generation collections of a fresh heap; the gap between the two shows how much.
const ourSecond = await throughput({ ...ours }, chunks);
out(
  `${`${ours.name} (again)`.padEnd(30)} ${ourSecond.mbs.toFixed(2).padStart(8)} MB/s  (after all engines ran; ours/fastest peer speed ${(ourSecond.mbs / fastestPeer).toFixed(2)}x)`,
);

const size = shipped;
out(
  `\nEngine bundle (lib/pii + libphonenumber-js/max + ibantools, esbuild minified): ${size.raw.toFixed(1)} KB, gzip ${size.gz.toFixed(1)} KB`,
);
for (const [name, clock] of [
  ['wall clock', () => performance.now()],
  ['process CPU time', cpuMs],
] as const) {
  const sl = await sliceDurations(chunks, clock);
  out(
    `Sliced runner (budget 8 ms, ${name}): ${sl.slices} slices on the ${totalMb.toFixed(2)} MB, p50 ${sl.p50.toFixed(2)} ms, p95 ${sl.p95.toFixed(2)} ms, max ${sl.max.toFixed(2)} ms`,
  );
}
out(
  `Load average: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} on ${cpus().length} CPUs`,
);
out(
  JSON.stringify({
    throughput_mb_s: r3(ourSpeed.mbs),
    fastest_peer_mb_s: r3(fastestPeer),
    micro_f1: r3(ourF1),
    best_peer_micro_f1: r3(bestPeerF1),
    engine_gzip_kb: r3(size.gz),
  }),
);
