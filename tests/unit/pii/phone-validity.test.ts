import fc from 'fast-check';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { validInternational } from '../../../lib/pii/validators/phone-validity';

// The fast path must decide exactly as the parser does; these compare the two on real and random numbers.
const parserSays = (candidate: string, region: CountryCode) =>
  !!parsePhoneNumberFromString(candidate, region)?.isValid();

function fastSays(candidate: string, region: CountryCode): boolean {
  const digits = candidate.replace(/\D/g, '');
  return validInternational(candidate, digits, region, !candidate.startsWith('+'));
}

describe('international phone validity without the parser', () => {
  it.each([
    '+31 6 12345678',
    '+31 (0)6 1234 5678',
    '0031 6 1234 5678',
    '+32 471 12 34 56',
    '+49 151 12345678',
    '+44 20 7946 0958',
    '+44 7798 373895',
    '+44 1481 256789',
    '+1 212 555 0123',
    '+1 416 555 0199',
    '+7 912 345 67 89',
    '+7 701 234 5678',
    '+358 18 123456',
    '+31 6 1234',
    '+44 0 20 7946 0958',
    '+800 1234 5678',
    '00 44 7911 123456',
    '0000 31 6 12345678',
  ])('agrees with libphonenumber-js on %s', (candidate) => {
    for (const region of ['NL', 'GB', 'US', 'DE'] as CountryCode[]) {
      expect(fastSays(candidate, region)).toBe(parserSays(candidate, region));
    }
  });

  it('agrees with libphonenumber-js on random numbers behind shared and single calling codes', () => {
    const codes = ['1', '7', '31', '32', '33', '44', '47', '49', '61', '262', '353', '358', '590', '800', '0'];
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.stringMatching(/^[0-9]{4,13}$/),
        fc.boolean(),
        fc.constantFrom<CountryCode>('NL', 'GB', 'US'),
        (code, rest, plus, region) => {
          const candidate = `${plus ? '+' : '00'}${code} ${rest}`;
          expect(fastSays(candidate, region)).toBe(parserSays(candidate, region));
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
  });
});
