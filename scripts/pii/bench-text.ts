// What the PII benchmarks (bench.ts, bench-parts.ts) measure on: the same 5 MB of generated support text, and the
// engine built as it ships.
import type { BuildOptions } from 'esbuild';
import { generateCorpus } from './corpus/generate';

const BENCH_SEED = 5_000_000;
const TARGET_BYTES = 5 * 1024 * 1024;
const CHUNK = 64 * 1024;

/** The bench text: generated nl/en support messages in chunks of ~64 KB. */
export function benchText(): string[] {
  const messages = generateCorpus(BENCH_SEED, 24_000).map((m) => m.text);
  const chunks: string[] = [];
  let current = '';
  let total = 0;
  for (const m of messages) {
    if (total >= TARGET_BYTES) break;
    current += `${m}\n\n`;
    total += m.length + 2;
    if (current.length >= CHUNK) {
      chunks.push(current);
      current = '';
    }
  }
  if (current) chunks.push(current);
  // Built by concatenation, each chunk is a tree of pieces that the first engine to read it would flatten
  // (copying the 5 MB and promoting the copies through the young generation) on the others' behalf. Flat
  // copies, made once here, give every engine the same input (as text read from a page would be).
  return chunks.map((c) => Buffer.from(c, 'utf16le').toString('utf16le'));
}

/** esbuild options of the engine as shipped: bundled and minified for the browser. */
export const SHIPPED_ENGINE_BUILD = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
} as const satisfies BuildOptions;
