import { describe, expect, it } from 'vitest';
import { detectPii, SENTENCE_LEVEL_TYPES } from '../../../lib/pii';

const entities = (text: string) =>
  detectPii(text)
    .filter((f) => !SENTENCE_LEVEL_TYPES.includes(f.type))
    .map((f) => `${f.type}:${f.value}`);

describe('look-alikes are not personal data', () => {
  it.each([
    'bestelnummer 0651228363',
    'Mijn ordernummer: 0612345678',
    'order #0612345678',
    'klantnummer 0201234567',
    'customer number 0612345678',
    'factuurnummer 0612345678',
    'invoice 0612345678',
    'ticket 0612345678',
    'polisnummer 0612345678',
    'policy number 0031 6 1234 5678',
    'Track & trace: 3SABCD123456789',
    '3SABCD123456789',
    '1Z999AA10123456784',
    'JVGL0123456789012345',
    'DPD 05212345678901',
    'KvK 12345678',
    'KvK-nummer 87654321',
    'btw NL123456789B01',
    'VAT BE0123.456.789',
    'incassant-ID NL98ZZZ999999990000',
    'bedrag € 1.234,56',
    'EUR 12.500,00',
    '£1,299.99',
    'om 14:30 uur',
    'van 09:00 tot 17:30',
    'IBAN NL91ABNA0417164301',
    'BSN 123456789',
    'kaart 4111 1111 1111 1112',
    'betalingskenmerk 1234 5678 9012 3456',
  ])('%s', (text) => {
    expect(entities(text)).toEqual([]);
  });
});
