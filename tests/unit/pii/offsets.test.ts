import { describe, expect, it } from 'vitest';
import { detectPii, maskValue } from '../../../lib/pii';
import { expectOffsets } from './helpers';

describe('offsets', () => {
  it('are JavaScript string indices, end exclusive, also after astral characters and İ', () => {
    const text = '😀👍 İstanbul: mail jan@example.nl of bel 06-12345678 😀';
    const findings = detectPii(text);
    expectOffsets(text, findings);
    const email = findings.find((f) => f.type === 'EMAIL');
    expect(email && [email.start, email.end]).toEqual([
      text.indexOf('jan@'),
      text.indexOf('jan@') + 'jan@example.nl'.length,
    ]);
    expect(findings.map((f) => f.type)).toEqual(['EMAIL', 'PHONE']);
  });

  it('respects minConfidence and types', () => {
    const text = 'Nummer 111222333 en mail a@b.nl';
    expect(detectPii(text).map((f) => f.type)).toEqual(['NL_BSN', 'EMAIL']);
    expect(detectPii(text, { minConfidence: 0.9 }).map((f) => f.type)).toEqual(['EMAIL']);
    expect(detectPii(text, { types: ['EMAIL'] }).map((f) => f.value)).toEqual(['a@b.nl']);
  });

  it('keeps the stronger of overlapping findings (an IBAN is not also a phone number)', () => {
    const text = 'IBAN NL91 ABNA 0417 1643 00';
    expect(detectPii(text).map((f) => f.type)).toEqual(['IBAN']);
  });
});

describe('maskValue', () => {
  it('shows enough to recognise a value, not enough to copy it', () => {
    expect(maskValue({ type: 'EMAIL', value: 'marieke@example.nl' })).toBe('m•••@example.nl');
    expect(maskValue({ type: 'IBAN', value: 'nl91 abna 0417 1643 00' })).toBe('NL91 •••• •••• •••• 00');
    expect(maskValue({ type: 'CREDIT_CARD', value: '5555 5555 5555 4444' })).toBe('•••• •••• •••• 4444');
    expect(maskValue({ type: 'PHONE', value: '06-12345678' })).toBe('••-••••••78');
    expect(maskValue({ type: 'PERSON', value: 'Jan Jansen' })).toBe('J•• J•••••');
    expect(maskValue({ type: 'HEALTH', value: 'Ik ben zwanger.' })).toBe('•••');
  });
});
