import { describe, expect, it } from 'vitest';
import { protocol } from '@/lib/messaging/protocol';
import { detectTexts } from '@/lib/panel/detect-texts';
import { decodeFindings, encodeFindings } from '@/lib/panel/finding-codec';
import { batchesOf } from '@/lib/panel/use-findings';

const texts = [
  'Mijn IBAN is NL91 ABNA 0417 1643 00, mail me op sanne@example.nl.',
  'Geen persoonsgegevens hier.',
  'Bel 06-12345678 of +32 470 12 34 56.',
];

describe('panel.detect findings travel as numbers', () => {
  it('decodes to the same findings the engine gave, values read from the page text', () => {
    const found = detectTexts(texts, {});
    expect(found.map((f) => f.type)).toEqual(expect.arrayContaining(['IBAN', 'EMAIL', 'PHONE']));
    const encoded = encodeFindings(found);
    const response = protocol['panel.detect'].response.parse({ findings: encoded });
    const decoded = decodeFindings(response.findings, texts);
    expect(decoded.flat()).toEqual(
      found.map(({ text: _text, ...f }) => ({ ...f, confidence: Math.round(f.confidence * 1000) / 1000 })),
    );
    expect(decoded[1]).toEqual([]);
  });

  it('drops entries that do not fit the texts (index, type or range out of bounds)', () => {
    const decoded = decodeFindings('5,0,0,3,900,0,999,0,3,900,0,0,4,2,900,0,0,0,9999,900', texts);
    expect(decoded.flat()).toEqual([]);
  });

  it('refuses an answer that is not a list of numbers', () => {
    expect(() => protocol['panel.detect'].response.parse({ findings: '0,0,<b>' })).toThrow();
    expect(() => protocol['panel.detect'].response.parse({ findings: [0, 0, 1] })).toThrow();
    expect(decodeFindings('0,0,1', texts).flat()).toEqual([]);
  });
});

describe('batches for detection', () => {
  it('keeps message order, a small first batch and larger ones after it', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `message ${i} `.repeat(20));
    const batches = batchesOf(many);
    expect(batches.flat()).toEqual(many.map((_, i) => i));
    expect(batches[0]!.length).toBeLessThanOrEqual(40);
    expect(batches.length).toBeLessThan(10);
    expect(batchesOf([])).toEqual([]);
  });
});
