import { describe, expect, it } from 'vitest';
import { defineWords, Keywords } from '../../../lib/pii/context/keywords';

const hits = (kw: Keywords, id: number) => {
  const h = kw.list(id);
  return h.starts.map((s, k) => kw.text.slice(s, h.ends[k]));
};

describe('shared keyword pass (flat transition table)', () => {
  const prefix = defineWords('test-prefix', ['telefoon', 'tel.']);
  const whole = defineWords('test-whole', ['groet', 'grüße', 'né(e) le'], 'token');
  const letter = defineWords('test-letter', ['geb'], 'letter');

  it('finds words case-insensitively at token starts, with their end rules', () => {
    const kw = new Keywords('Telefoonnummer: 06; TEL. 020. Met vriendelijke GROET, Grüße! Née le; Geb. 1990, gebak');
    expect(hits(kw, prefix)).toEqual(['Telefoon', 'TEL.']);
    expect(hits(kw, whole)).toEqual(['GROET', 'Grüße']);
    expect(hits(kw, letter)).toEqual(['Geb']);
  });

  it('does not match inside a word or across a shorter prefix', () => {
    const kw = new Keywords('mijntelefoon begroeting groeten tele');
    expect(hits(kw, prefix)).toEqual([]);
    expect(hits(kw, whole)).toEqual([]);
  });

  it('finds the words of a list registered after an earlier scan', () => {
    new Keywords('warm up the table');
    const late = defineWords('test-late', ['zeldzaam']);
    expect(hits(new Keywords('Een Zeldzaam woord'), late)).toEqual(['Zeldzaam']);
  });

  it('keeps each scan its own hits and runs of digits (lists without hits share nothing that is written)', () => {
    const first = new Keywords('Telefoon 0612345678, groet');
    const second = new Keywords('geen woorden hier, 42');
    const third = new Keywords('TEL. 020 en telefoon');
    expect(hits(first, prefix)).toEqual(['Telefoon']);
    expect(hits(second, prefix)).toEqual([]);
    expect(hits(second, whole)).toEqual([]);
    expect(hits(third, prefix)).toEqual(['TEL.', 'telefoon']);
    expect(hits(first, prefix)).toEqual(['Telefoon']);
    expect(hits(first, whole)).toEqual(['groet']);
    expect([...first.digitRuns]).toEqual([9, 19]);
    expect([...second.digitRuns]).toEqual([19, 21]);
    expect([...third.digitRuns]).toEqual([5, 8]);
  });
});
