// node --import tsx scripts/pii/bench-parts.ts — where lib/pii spends its time on the bench text, to find what to
// make faster (bench.ts gives the totals). The engine is bundled and minified as bench.ts does it. Prints, in ms per
// MB: the keyword pass, each recognizer and the overlap resolution, for the first pass after bench.ts's warm-up and
// the best of the later passes; the process CPU time of each pass (it includes the optimising compiler's threads,
// which on a busy machine slow the first pass down); and the cost per single message (the panel's case: one call
// per message). ROUNDS=n sets the number of passes (default 4).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchText, SHIPPED_ENGINE_BUILD } from './bench-text';

const lib = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lib/pii');
const out = (s: string) => process.stdout.write(`${s}\n`);

type Engine = typeof import('../../lib/pii') & {
  resolveOverlaps: typeof import('../../lib/pii/resolve-overlaps').resolveOverlaps;
};
const result = await build({
  stdin: {
    contents: `export * from './index'; export { resolveOverlaps } from './resolve-overlaps';`,
    resolveDir: lib,
    loader: 'ts',
  },
  ...SHIPPED_ENGINE_BUILD,
});
const code = result.outputFiles[0]?.text ?? '';
const engine = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Engine;

const chunks = benchText();
const mb = chunks.reduce((n, c) => n + c.length, 0) / 1e6;

/** One pass over `texts`, adding each part's milliseconds to `t`. */
function pass(texts: readonly string[], t: Map<string, number>): void {
  const add = (k: string, ms: number) => t.set(k, (t.get(k) ?? 0) + ms);
  for (const text of texts) {
    const scan = engine.makeScan(text);
    let a = performance.now();
    void scan.keywords;
    add('keywords', performance.now() - a);
    const all = [];
    for (const r of engine.RECOGNIZERS) {
      a = performance.now();
      const found = r.detect(scan);
      add(r.id, performance.now() - a);
      for (const f of found) if (f.confidence >= 0.5) all.push(f);
    }
    a = performance.now();
    engine.resolveOverlaps(all);
    add('overlaps', performance.now() - a);
  }
}

pass(chunks.slice(0, 4), new Map()); // bench.ts's warm-up
const first = new Map<string, number>();
const best = new Map<string, number>();
const rounds = Number(process.env.ROUNDS ?? 4);
for (let round = 0; round < rounds; round++) {
  const t = round === 0 ? first : new Map<string, number>();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  pass(chunks, t);
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  out(
    `pass ${round}: ${(mb / (wall / 1000)).toFixed(2)} MB/s, wall ${wall.toFixed(0)} ms, process CPU ${((used.user + used.system) / 1000).toFixed(0)} ms`,
  );
  if (round > 0) for (const [k, v] of t) best.set(k, Math.min(best.get(k) ?? Infinity, v));
}
out(`\nms per MB (${mb.toFixed(2)} MB in ${chunks.length} chunks): part, first pass, best later pass`);
for (const [k, v] of [...first].sort((a, b) => b[1] - a[1])) {
  out(`${k.padEnd(20)} ${(v / mb).toFixed(1).padStart(6)} ${((best.get(k) ?? NaN) / mb).toFixed(1).padStart(6)}`);
}

const messages = chunks.flatMap((c) => c.split('\n\n')).filter(Boolean);
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  for (const m of messages) engine.detectPii(m);
  const ms = performance.now() - t0;
  out(
    `single messages, pass ${round}: ${messages.length} calls, ${((ms / messages.length) * 1000).toFixed(1)} µs per message, ${(mb / (ms / 1000)).toFixed(2)} MB/s`,
  );
}
