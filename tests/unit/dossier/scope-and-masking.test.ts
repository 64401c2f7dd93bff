import { describe, expect, it } from 'vitest';
import { defaultDetector } from '../../../lib/dossier/mask-others';
import { draft, produce, text } from './fixture';

describe('portability scope (GDPR Art. 20)', () => {
  it('keeps only what the customer provided: no internal notes, no agent messages, no register records', async () => {
    const { dossier, files } = await produce(draft(), { scope: 'portability', language: 'en' });
    expect(dossier.messages.map((m) => m.toolRecordId)).toEqual(['11']);
    expect(dossier.messages.every((m) => m.fromCustomer && !m.internal)).toBe(true);
    expect(dossier.conversations.map((c) => c.toolRecordId)).toEqual(['1']);
    expect(dossier.attachments.map((a) => a.originalName)).not.toContain('internal-photo.jpg');
    expect(dossier.attachments).toHaveLength(3);
    expect(dossier.register).toBeUndefined();
    expect(dossier.tools[0]?.profiles[0]?.emails).toEqual(['marieke@example.nl']);
    // Nothing of the left-out records slips into any file of the ZIP.
    for (const [path, bytes] of Object.entries(files)) {
      const content = text(bytes);
      expect(content, path).not.toContain('INTERNAL:');
      expect(content, path).not.toContain('AGENT REPLY');
      expect(content, path).not.toContain('fiscale bewaarplicht');
    }
    expect(Object.keys(files)).not.toContain('attachments/internal-photo.jpg');
    expect(Object.keys(files)).not.toContain('holds.csv');
  });

  it('the access scope has everything, internal notes included', async () => {
    const { dossier } = await produce(draft(), { scope: 'access', language: 'en' });
    expect(dossier.messages.map((m) => m.toolRecordId)).toEqual(['11', '12', '13', '21']);
    expect(dossier.messages.find((m) => m.toolRecordId === '12')?.internal).toBe(true);
    expect(dossier.attachments).toHaveLength(4);
  });
});

describe('masking other people’s personal data (GDPR Art. 15(4))', () => {
  it('masks a third party’s email and IBAN found by the detection engine, and keeps the subject’s own', async () => {
    const { dossier, files } = await produce(draft(), { scope: 'access', language: 'en', mask: defaultDetector });
    const internal = dossier.messages.find((m) => m.toolRecordId === '12')!.text;
    expect(internal).not.toContain('piet.bakker@example.com');
    expect(internal).not.toContain('NL91ABNA0417164300');
    expect(internal).toContain('@example.com');
    const own = dossier.messages.find((m) => m.toolRecordId === '11')!.text;
    expect(own).toContain('marieke@example.nl');
    expect(own).toContain('+31 6 12345678');
    expect(dossier.masking).toEqual({ applied: true, masked: expect.any(Number) });
    expect(dossier.masking.masked).toBeGreaterThanOrEqual(2);
    for (const [path, bytes] of Object.entries(files))
      expect(text(bytes), path).not.toContain('piet.bakker@example.com');
  });

  it('leaves texts alone without masking', async () => {
    const { dossier } = await produce(draft(), { scope: 'access', language: 'en' });
    expect(dossier.messages.find((m) => m.toolRecordId === '12')!.text).toContain('piet.bakker@example.com');
    expect(dossier.masking).toEqual({ applied: false, masked: 0 });
  });
});
