// Writes the labelled corpus to tests/fixtures/pii-corpus/corpus.jsonl (seeded: the same bytes every run).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus/generate';

export const CORPUS_SEED = 20261128;
export const CORPUS_SIZE = 240;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(repoRoot, 'tests/fixtures/pii-corpus/corpus.jsonl');

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const corpus = generateCorpus(CORPUS_SEED, CORPUS_SIZE);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, corpus.map((m) => JSON.stringify(m)).join('\n') + '\n');
  const entities = corpus.reduce((n, m) => n + m.entities.length, 0);
  process.stdout.write(`${corpus.length} messages, ${entities} labelled entities -> ${path.relative(repoRoot, out)}\n`);
}
