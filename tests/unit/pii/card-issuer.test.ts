import { describe, expect, it } from 'vitest';
import { issuerFits } from '../../../lib/pii/recognizers/credit-card';

/** The issuer rules as they were written before the table (the reference the table must agree with). */
function rules(d: string): boolean {
  const n = d.length;
  switch (d[0]) {
    case '1':
      return n === 15;
    case '2':
      return n === 16 && ((d >= '2221' && d < '2721') || d.startsWith('220'));
    case '3':
      if (d.startsWith('34') || d.startsWith('37')) return n === 15;
      if (d.startsWith('35')) return n >= 16;
      return /^3(?:0[0-5]|[689])/.test(d) && n >= 14 && n <= 16;
    case '4':
      return n === 13 || n === 16 || n === 19;
    case '5':
    case '6':
      return n >= 12;
    default:
      return false;
  }
}

describe('card issuer table', () => {
  it('agrees with the issuer rules for every four-digit prefix and every length from 12 to 40 digits', () => {
    let disagreements = 0;
    let fits = 0;
    for (let p = 0; p < 10000; p++) {
      const head = String(p).padStart(4, '0');
      for (let n = 12; n <= 40; n++) {
        // The digits after the prefix do not matter to the rules; vary them anyway.
        const d = head + String((p * 7919 + n) % 10).repeat(n - 4);
        if (issuerFits(d) !== rules(d)) disagreements++;
        if (rules(d)) fits++;
      }
    }
    expect(disagreements).toBe(0);
    expect(fits).toBeGreaterThan(10000); // the comparison covered accepted numbers too
  });

  it('accepts real test numbers and rejects unknown prefixes and short numbers', () => {
    expect(issuerFits('4111111111111111')).toBe(true);
    expect(issuerFits('2221000000000009')).toBe(true);
    expect(issuerFits('2720990000000000')).toBe(true);
    expect(issuerFits('2721000000000000')).toBe(false);
    expect(issuerFits('378282246310005')).toBe(true);
    expect(issuerFits('30569309025904')).toBe(true);
    expect(issuerFits('30669309025904')).toBe(false);
    expect(issuerFits('9111111111111111')).toBe(false);
    expect(issuerFits('51051051051')).toBe(false);
  });
});
