import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../scripts/pii/corpus/generate';
import { CORPUS_SEED, CORPUS_SIZE } from '../../../scripts/pii/generate-corpus';

const committed = readFileSync(path.resolve(__dirname, '../../fixtures/pii-corpus/corpus.jsonl'), 'utf8');

describe('labelled PII corpus', () => {
  const corpus = generateCorpus(CORPUS_SEED, CORPUS_SIZE);

  it('is reproducible: the generator yields the committed file byte for byte', () => {
    expect(corpus.map((m) => JSON.stringify(m)).join('\n') + '\n').toBe(committed);
  });

  it('has at least 150 Dutch and English messages over e-mail, chat and DM, with exact label offsets', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.map((m) => m.lang))).toEqual(new Set(['nl', 'en']));
    expect(new Set(corpus.map((m) => m.channel))).toEqual(new Set(['email', 'reply', 'chat', 'dm']));
    for (const m of corpus) for (const e of m.entities) expect(m.text.slice(e.start, e.end)).toBe(e.value);
  });
});
