import { describe, expect, it } from 'vitest';
import { found } from './helpers';

describe('phone numbers (validated by libphonenumber-js)', () => {
  it.each([
    '0612345678',
    '06-12345678',
    '06 1234 5678',
    '06 12 34 56 78',
    '+31 6 12345678',
    '+31612345678',
    '0031 6 1234 5678',
    '+31 (0)6 1234 5678',
    '020-1234567',
    '020 123 4567',
    '010 - 123 45 67',
    '+31 20 123 4567',
    '+32 471 12 34 56',
    '0471 12 34 56',
    '0471/12.34.56',
    '02 123 45 67',
    '+49 30 12345678',
    '+49 151 12345678',
    '030 12345678',
    '+44 20 7946 0958',
  ])('finds %s in a sentence', (phone) => {
    expect(found(`Bel me op ${phone} graag.`, 'PHONE')).toEqual([phone]);
  });

  it('rejects numbers outside the numbering plans of the expected regions', () => {
    // 01 23 45 67 89 is a valid Paris number, but not Dutch or Belgian.
    expect(found('Bel 0123456789 of 0000000000', 'PHONE', { locales: ['nl'] })).toEqual([]);
    expect(found('Appelez 0123456789', 'PHONE', { locales: ['fr'] })).toEqual(['0123456789']);
  });

  it('splits two numbers written next to each other', () => {
    expect(found('Nummers: 0612345678 0201234567', 'PHONE')).toEqual(['0612345678', '0201234567']);
  });
});

describe('IBAN (ibantools)', () => {
  it.each([
    'NL91ABNA0417164300',
    'NL91 ABNA 0417 1643 00',
    'nl91 abna 0417 1643 00',
    'BE68 5390 0754 7034',
    'DE89 3704 0044 0532 0130 00',
  ])('finds %s and stops at the next word', (iban) => {
    expect(found(`Graag terugstorten op ${iban} te Amsterdam.`, 'IBAN')).toEqual([iban]);
  });

  it('rejects a wrong check digit', () => {
    expect(found('IBAN NL91ABNA0417164301', 'IBAN')).toEqual([]);
    expect(found('IBAN NL92 ABNA 0417 1643 00', 'IBAN')).toEqual([]);
  });
});

describe('credit cards (Luhn + issuer prefix)', () => {
  it.each(['4111111111111111', '5555 5555 5555 4444', '4012-8888-8888-1881', '378282246310005'])('finds %s', (card) => {
    expect(found(`Mijn creditcard is ${card}.`, 'CREDIT_CARD')).toEqual([card]);
  });

  it('rejects numbers failing the Luhn check', () => {
    expect(found('kaart 4111 1111 1111 1112', 'CREDIT_CARD')).toEqual([]);
  });
});

describe('BSN (elfproef)', () => {
  it.each(['111222333', '123456782', '1234.56.782', '123 456 782'])('finds %s after "BSN"', (bsn) => {
    expect(found(`Mijn BSN is ${bsn}.`, 'NL_BSN')).toEqual([bsn]);
  });

  it('rejects numbers failing the elfproef, and elfproef-valid order numbers', () => {
    expect(found('BSN 123456789', 'NL_BSN')).toEqual([]);
    expect(found('Ordernummer 123456782', 'NL_BSN')).toEqual([]);
  });
});

describe('IP addresses', () => {
  it('finds IPv4 (with prefix) and IPv6 forms', () => {
    expect(found('Login vanaf 84.23.112.9 en 192.168.1.0/24.', 'IP_ADDRESS')).toEqual([
      '84.23.112.9',
      '192.168.1.0/24',
    ]);
    expect(found('IPv6 2001:db8::1 en ::ffff:192.0.2.1', 'IP_ADDRESS')).toEqual(['2001:db8::1', '::ffff:192.0.2.1']);
  });

  it('ignores versions, times and out-of-range octets', () => {
    expect(found('versie 4.2.1 om 10:30:00, 999.1.1.1', 'IP_ADDRESS')).toEqual([]);
  });
});
