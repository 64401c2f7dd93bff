import { describe, expect, it } from 'vitest';
import { icaoCheckDigitValid } from '../../../lib/pii/validators/icao-check-digit';
import { found } from './helpers';

describe('licence plates beyond Dutch side codes', () => {
  it('finds a current UK registration with a space or dash on its own', () => {
    expect(found('The van AB51 ABC was parked outside.', 'LICENSE_PLATE')).toEqual(['AB51 ABC']);
    expect(found('Reg LN14-HGT', 'LICENSE_PLATE')).toEqual(['LN14-HGT']);
  });

  it('does not take a UK shape with an impossible age identifier', () => {
    expect(found('Code AB35 ABC is in the box.', 'LICENSE_PLATE')).toEqual([]);
  });

  it('reads a list of plates after a plate word', () => {
    expect(found('Plates: APP-456CV and KJA-999PZ', 'LICENSE_PLATE')).toEqual(['APP-456CV', 'KJA-999PZ']);
    expect(found('My registration number is DL01CA1234 thanks', 'LICENSE_PLATE')).toEqual(['DL01CA1234']);
  });

  it('does not take foreign shapes without a plate word', () => {
    expect(found('Artikel APP456CV is op voorraad, zie ook 34 ABC 1234.', 'LICENSE_PLATE')).toEqual([]);
  });
});

describe('passport numbers', () => {
  it('checks the ICAO 9303 check digit', () => {
    expect(icaoCheckDigitValid('C01234565')).toBe(true);
    expect(icaoCheckDigitValid('C01234567')).toBe(false);
    expect(icaoCheckDigitValid('L01X00T44')).toBe(true);
  });

  it('finds a German passport number on its own only with a valid check digit', () => {
    expect(found('Nummer C01234565 graag', 'PASSPORT')).toEqual(['C01234565']);
    expect(found('Nummer C01234567 graag', 'PASSPORT')).toEqual([]);
  });

  it('does not take a check-digit shape after an order word', () => {
    expect(found('Bestelnummer C01234565', 'PASSPORT')).toEqual([]);
  });

  it('reads a list of passport numbers after a passport word', () => {
    expect(found('Passports: AB1234567 and XY9876543', 'PASSPORT')).toEqual(['AB1234567', 'XY9876543']);
  });
});

describe('phone numbers next to other numbers', () => {
  it('does not read a timestamp as a phone number', () => {
    expect(found('Sent 2012-01-02 08:00', 'PHONE', { phoneRegions: ['US'] })).toEqual([]);
  });

  it('reads national numbers without a leading 0 in regions without a trunk prefix', () => {
    expect(found('Chiamami al 312 345 6789 grazie', 'PHONE', { phoneRegions: ['IT'] })).toEqual(['312 345 6789']);
    // Dutch numbers need their leading 0.
    expect(found('Nummer 612345678', 'PHONE', { phoneRegions: ['NL'] })).toEqual([]);
  });

  it('separates a number from a postcode before it', () => {
    expect(found('My address is CA 34215 - 415-666-7777 is my number.', 'PHONE', { phoneRegions: ['US'] })).toEqual([
      '415-666-7777',
    ]);
  });
});
