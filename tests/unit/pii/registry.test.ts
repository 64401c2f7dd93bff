import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PII_TYPES, RECOGNIZERS } from '../../../lib/pii';

const dir = path.resolve(__dirname, '../../../lib/pii/recognizers');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

describe('recognizer registry (derived, one recognizer per file)', () => {
  it('lists every file in lib/pii/recognizers exactly once, with the file name as id', () => {
    expect(RECOGNIZERS.map((r) => r.id).sort()).toEqual(files);
    expect(new Set(RECOGNIZERS.map((r) => r.id)).size).toBe(RECOGNIZERS.length);
  });

  it('has a recognizer for every type the panel can show', () => {
    const covered = new Set(RECOGNIZERS.flatMap((r) => r.types));
    expect(PII_TYPES.filter((t) => !covered.has(t))).toEqual([]);
  });

  it('uses kebab-case file names', () => {
    for (const f of files) expect(f).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});
