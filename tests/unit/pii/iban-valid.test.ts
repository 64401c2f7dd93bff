import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { countrySpecs, isValidIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { ibanValid } from '../../../lib/pii/validators/iban-valid';

// ibanValid must answer exactly as ibantools' isValidIBAN (which it replaces on the hot path).
const REAL = [
  'NL91ABNA0417164300',
  'NL50PSTB0000054322',
  'BE68539007547034',
  'DE89370400440532013000',
  'GB29NWBK60161331926819',
  'FR1420041010050500013M02606',
  'CH9300762011623852957',
  'LI21088100002324013AA',
  'ES9121000418450200051332',
  'NO9386011117947',
  'PL61109010140000071219812874',
  'HR1210010051863000160',
  'CZ6508000000192000145399',
  'EE382200221020145685',
  'HU42117730161111101800000000',
];

const sharedIbans = (): string[] => {
  const file = path.resolve(__dirname, '../../../../shared/pii-cases/ibantools.jsonl');
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text.replace(/[\s-]/g, '').toUpperCase());
  } catch {
    return [];
  }
};

/** Every one-character change and every check-digit pair of an IBAN. */
function variants(iban: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < iban.length; i++) {
    for (const c of ['0', '1', '7', '9', 'A', 'Z']) out.push(iban.slice(0, i) + c + iban.slice(i + 1));
  }
  for (let d = 0; d < 100; d++) out.push(iban.slice(0, 2) + String(d).padStart(2, '0') + iban.slice(4));
  return out;
}

describe('IBAN validity as ibantools decides it', () => {
  it('agrees on real IBANs, the shared cases and their one-character and check-digit variants', () => {
    const all = [...REAL, ...sharedIbans()].flatMap((x) => [x, ...variants(x)]);
    expect(all.length).toBeGreaterThan(1000);
    for (const x of all) expect([x, ibanValid(x)]).toEqual([x, isValidIBAN(x)]);
    expect(REAL.every(ibanValid)).toBe(true);
  });

  it('agrees on random strings shaped like IBANs of every country', () => {
    const countries = Object.keys(countrySpecs).filter((c) => countrySpecs[c]?.chars);
    const shaped = fc
      .tuple(fc.constantFrom(...countries), fc.stringMatching(/^[0-9A-Z]{8,30}$/))
      .map(([c, rest]) => (c + rest).slice(0, countrySpecs[c]?.chars ?? 30));
    fc.assert(
      fc.property(shaped, (x) => ibanValid(x) === isValidIBAN(x)),
      { numRuns: 3000 },
    );
  });
});
