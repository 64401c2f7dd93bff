// npm run eval:pii — per-type precision/recall/F1 of lib/pii on the shared external cases and on our corpus.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CountryCode } from 'libphonenumber-js';
import { detectPii, PII_TYPES } from '../../lib/pii';
import { generateCorpus } from './corpus/generate';
import { CORPUS_SEED, CORPUS_SIZE } from './generate-corpus';
import { micro, scoreCase, table, type Case, type Tally } from './score';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sharedDir = path.resolve(repoRoot, '../shared/pii-cases');
const out = (s: string) => process.stdout.write(`${s}\n`);

/** Types of the shared cases that this engine reports (DATE, URL, CRYPTO and OTHER it does not). */
const SHARED_SUPPORTED = new Set([
  'EMAIL',
  'PHONE',
  'IBAN',
  'CREDIT_CARD',
  'IP_ADDRESS',
  'PERSON',
  'ADDRESS',
  'POSTCODE',
  'NL_BSN',
  'PASSPORT',
  'LICENSE_PLATE',
]);

function evalShared(): { tally: Tally; perFile: Record<string, number> } {
  const tally: Tally = new Map();
  const perFile: Record<string, number> = {};
  const files = readdirSync(sharedDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  for (const file of files) {
    const fileTally: Tally = new Map();
    const cases = readFileSync(path.join(sharedDir, file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Case);
    for (const c of cases) {
      if (c.scope && !c.scope.some((t) => SHARED_SUPPORTED.has(t))) continue;
      // libphonenumber's cases say which default region the upstream test parsed with.
      const options = c.region ? { phoneRegions: [c.region as CountryCode] } : {};
      const predicted = detectPii(c.text, options);
      scoreCase(c, predicted, SHARED_SUPPORTED, fileTally);
      scoreCase(c, predicted, SHARED_SUPPORTED, tally);
    }
    perFile[file] = micro(fileTally).f1;
    out(`\nShared cases: ${file}\n${table(fileTally)}`);
  }
  return { tally, perFile };
}

function evalOwn(withHints: boolean): Tally {
  const tally: Tally = new Map();
  const types = new Set<string>(PII_TYPES);
  for (const m of generateCorpus(CORPUS_SEED, CORPUS_SIZE)) {
    const predicted = detectPii(m.text, withHints ? { hints: m.hints } : {});
    scoreCase({ id: m.id, text: m.text, entities: m.entities, exhaustive: true }, predicted, types, tally);
  }
  return tally;
}

const shared = evalShared();
out(`\nShared cases, all files, supported types\n${table(shared.tally)}`);
const own = evalOwn(false);
out(`\nOwn corpus (${CORPUS_SIZE} nl/en support messages, seed ${CORPUS_SEED}), no hints\n${table(own)}`);
const ownHints = evalOwn(true);
out(`\nOwn corpus with the page's customer identity as hints\n${table(ownHints)}`);

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const perType = Object.fromEntries(
  [...own.entries()].map(([t, c]) => [t, r3((2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1))]),
);
out(
  JSON.stringify({
    own_micro_f1: r3(micro(own).f1),
    own_micro_f1_with_hints: r3(micro(ownHints).f1),
    shared_micro_f1: r3(micro(shared.tally).f1),
    shared_per_file: Object.fromEntries(Object.entries(shared.perFile).map(([k, v]) => [k, r3(v)])),
    own_per_type_f1: perType,
  }),
);
