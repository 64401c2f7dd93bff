import { describe, expect, it } from 'vitest';
import { makeScan } from '../../../lib/pii';

/** The runs of digits as the plain reading of the text gives them. */
function expected(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\d+/g)) out.push(m.index, m.index + m[0].length);
  return out;
}

describe('digit runs of a scan', () => {
  it('finds every run, including one at the start and one at the end', () => {
    const text = '12 maart, bel 06-12345678 of 020 123 4567 (ref A12B3) 2024';
    expect([...makeScan(text).digitRuns]).toEqual(expected(text));
  });

  it('stays right on long texts with many runs (the buffer grows) and between texts', () => {
    const long = Array.from({ length: 5000 }, (_, i) => `item ${i}: ${i * 7}-${i % 13}`).join('\n');
    expect([...makeScan(long).digitRuns]).toEqual(expected(long));
    const short = 'a1b22c333';
    expect([...makeScan(short).digitRuns]).toEqual(expected(short));
    expect([...makeScan('no digits here').digitRuns]).toEqual([]);
  });
});
