import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeScan } from '../../../lib/pii';
import { LETTER, startsToken, UPPER } from '../../../lib/pii/context/boundary';
import { address } from '../../../lib/pii/recognizers/address';

// The English and French street addresses used to be found by searching the whole text (every street word at every
// position, every short number); they are now tried only where a run of digits allows them. The searches are kept
// here as the reference the recognizer must agree with, on real shapes and on random texts made of their pieces.
const SUFFIX_EN =
  /(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Close|Court|Ct|Crescent|Place|Square|Terrace|Gardens|Boulevard|Blvd|Grove|Mews|Row|Hill|Parade|Walk)\b\.?/g;
const NUMBER_FIRST_BEFORE = /(?<![\p{L}\p{N}])\d{1,5}[A-Za-z]?,?\s(?:\p{Lu}[\p{L}'’-]*\s){1,3}$/u;
const FRENCH = new RegExp(
  `\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s(?:rue|avenue|boulevard|bd|chemin|place|allée|impasse|quai|route)\\s(?:(?:de|du|des|la|le|l'|d')\\s?){0,2}[${UPPER}][${LETTER}'’-]*(?:\\s[${UPPER}][${LETTER}'’-]*){0,2}`,
  'y',
);

const PREFIX_NL = new RegExp(
  `(?:Laan|Plein|Dijk|Kade) (?:(?:van|der|de|den|op|te) ){1,2}[${UPPER}][${LETTER}'’-]*(?: [${UPPER}][${LETTER}'’-]*){0,2} \\d{1,5}(?:\\s?-\\s?\\d{1,4}|[A-Za-z](?![${LETTER}]))?`,
  'g',
);

type Span = [number, number];

function referencePrefixed(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(PREFIX_NL)) if (startsToken(text, m.index)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function referenceEnglish(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(SUFFIX_EN)) {
    if (!/\s/.test(text[m.index - 1] ?? '')) continue;
    const windowStart = Math.max(0, m.index - 60);
    const before = NUMBER_FIRST_BEFORE.exec(text.slice(windowStart, m.index));
    if (before) out.push([windowStart + before.index, m.index + m[0].length]);
  }
  return out;
}

function referenceFrench(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/\d+/g)) {
    const start = m.index;
    if (m[0].length > 4 || !startsToken(text, start)) continue;
    FRENCH.lastIndex = start;
    const f = FRENCH.exec(text);
    if (f) out.push([start, start + f[0].length]);
  }
  return out;
}

/** Spans of the recognizer's findings with confidence 0.8 (the English and French ones), or another confidence. */
function found(text: string, confidence = 0.8): Span[] {
  return address
    .detect(makeScan(text))
    .filter((f) => f.confidence === confidence)
    .map((f): Span => [f.start, f.end]);
}

const key = (spans: Span[]) => spans.map(([s, e]) => `${s}-${e}`).sort();

describe('English and French street addresses tried only after a number', () => {
  it.each([
    'We moved to 185B Oxford Street, Bristol.',
    'Send it to 5 Green Close, Brighton please',
    'Flat 2, 10 Downing St. London',
    '221B Baker Street\nLondon',
    '12, Long Acre Road and 7 Hill',
    'year 2024 Very Long Winding Lane x',
    'only 3 words: 12 A B C Road',
    '9 Ärger Straße Way',
    '12 rue de la Paix, Paris',
    '3 bis, avenue des Champs Élysées',
    '1234 route du Lac',
    '12345 rue X',
    'x12 rue de Lyon',
  ])('agrees with the full-text search on %s', (text) => {
    expect(key(found(text))).toEqual(key([...referenceEnglish(text), ...referenceFrench(text)]));
  });

  it('agrees with the full-text search on random texts of the pieces', () => {
    const piece = fc.constantFrom(
      ' ',
      '  ',
      '\n',
      ',',
      '.',
      'B',
      'a',
      '1',
      '12',
      '221',
      '123456',
      'Baker',
      'Oxford',
      'Élan',
      'de',
      'la',
      'bis',
      'ter',
      'rue',
      'avenue',
      'Street',
      'St',
      'Road',
      'Rd.',
      'Way',
      'Hill',
      'Walkway',
      "O'Neil",
      'x',
      '𝐀',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        expect(key(found(text))).toEqual(key([...referenceEnglish(text), ...referenceFrench(text)]));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the Dutch streets written name-last (Laan van …) where the full-text search found them', () => {
    for (const text of [
      'Laan van Meerdervoort 12',
      'naar Kade van der Berg 3-2, toch',
      'xLaan van Dijk 4',
      '12Laan van A 1',
    ])
      expect(key(found(text, 0.85))).toEqual(key(referencePrefixed(text)));
    // Pieces without the street words that end a street name ("…straat 12"), which find addresses of their own.
    const piece = fc.constantFrom(
      ' ',
      '  ',
      '\n',
      ',',
      '-',
      'Laan',
      'Plein',
      'Dijk',
      'Kade',

      'van',
      'der',
      'de',
      'op',
      'Amstel',
      'Oost',
      'X',
      'a',
      '12',
      '3',
      'XLaan',
      'É',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        expect(key(found(text, 0.85))).toEqual(key(referencePrefixed(text)));
      }),
      { numRuns: 3000 },
    );
  });
});
