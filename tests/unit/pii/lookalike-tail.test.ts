import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOOKALIKE_TAIL, lookalikeTail } from '../../../lib/pii/context/context-match';

// The look-alike check reads what lies between a look-alike word and a number in place instead of testing a
// regular expression on a copy; the two must agree on every string.
const agrees = (s: string) => {
  const padded = `x${s}y`;
  expect(lookalikeTail(padded, 1, padded.length - 1)).toBe(LOOKALIKE_TAIL.test(s));
};

describe('look-alike tail read in place', () => {
  it.each([
    '',
    'nummer ',
    'nummer: ',
    'nummer is ',
    'nummer is nu ',
    'nummer is nu al ',
    ' #: ',
    'nr.: (',
    ' abcdefghijklmnop ',
    ' abcdefghijklmn:: ',
    ' abcdefghijklmn::x ',
    ' ab abcdefghijklmnop ',
    ' ab abcdefghijklmn-- ',
    ' abcdefghijklmnop ab ',
    'nummer 12 ',
    '\u00a0is\u2003het ',
    ' ° - ',
  ])('agrees with the pattern on %j', agrees);

  it('agrees with the pattern on random strings of its character classes', () => {
    const char = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\u00a0',
      'a',
      'B',
      'é',
      ':',
      '#',
      '.',
      '(',
      ')',
      '°',
      '-',
      '5',
      '/',
      '€',
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => agrees(chars.join(''))),
      { numRuns: 20000 },
    );
    const word = fc.constantFrom(
      ' ',
      '  ',
      'is',
      'het',
      'abcdefghijklmn',
      'abcdefghijklmno',
      ':',
      '.:',
      '#',
      '°',
      '-',
      '1',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => agrees(words.join(''))),
      { numRuns: 20000 },
    );
  });
});
