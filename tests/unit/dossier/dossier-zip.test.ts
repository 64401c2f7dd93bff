import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { errorForStatus } from '../../../lib/connectors/errors';
import { DOSSIER_SCHEMA_VERSION } from '../../../lib/dossier/dossier-schema';
import { draft, produce, text } from './fixture';

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('dossier ZIP', () => {
  it('holds every file the issue lists', async () => {
    const { files } = await produce(draft(), { scope: 'access', language: 'en' });
    expect(Object.keys(files).sort()).toEqual(
      [
        'attachments.csv',
        'attachments/receipt.pdf',
        'attachments/Receipt (2).pdf',
        'attachments/_.._gpj.exe',
        'attachments/internal-photo.jpg',
        'conversations.csv',
        'dossier.json',
        'dossier.schema.json',
        'holds.csv',
        'index.html',
        'manifest.json',
        'messages.csv',
        'requests.csv',
      ].sort(),
    );
    expect(text(files['attachments/receipt.pdf'])).toBe('customer file customer file customer file ');
  });

  it('produces a dossier.json that validates against the dossier.schema.json in the same ZIP (Ajv)', async () => {
    const { files } = await produce(draft(), { scope: 'access', language: 'nl' });
    const schema = JSON.parse(text(files['dossier.schema.json'])) as Record<string, unknown>;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addFormat('date-time', {
      validate: (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(s) && !Number.isNaN(Date.parse(s)),
    });
    const validate = ajv.compile(schema);
    const dossier = JSON.parse(text(files['dossier.json'])) as Record<string, unknown>;
    expect(validate(dossier), JSON.stringify(validate.errors)).toBe(true);
    expect(dossier.schemaVersion).toBe(DOSSIER_SCHEMA_VERSION);
    // The schema is documented, and it rejects what is not a dossier.
    expect(JSON.stringify(schema)).toContain('True for an internal note');
    expect(validate({ ...dossier, schemaVersion: '0.1' })).toBe(false);
    expect(validate({ ...dossier, messages: [{ text: 'no author' }] })).toBe(false);
  });

  it('lists every file in manifest.json with the SHA-256 of its bytes in the ZIP', async () => {
    const { files } = await produce(draft(), { scope: 'access', language: 'en' });
    const manifest = JSON.parse(text(files['manifest.json'])) as {
      files: { path: string; size: number; sha256: string }[];
    };
    const listed = manifest.files.map((f) => f.path).sort();
    expect(listed).toEqual(
      Object.keys(files)
        .filter((p) => p !== 'manifest.json')
        .sort(),
    );
    for (const entry of manifest.files) {
      expect(entry.size, entry.path).toBe(files[entry.path]!.byteLength);
      expect(entry.sha256, entry.path).toBe(await sha256(files[entry.path]!));
    }
    const dossier = JSON.parse(text(files['dossier.json'])) as { attachments: { path: string; sha256: string }[] };
    for (const a of dossier.attachments) expect(a.sha256).toBe(await sha256(files[a.path]!));
  });

  it('keeps the register’s holds with their legal grounds, retention dates, requests and audit entries', async () => {
    const { dossier } = await produce(draft(), { scope: 'access', language: 'en' });
    expect(dossier.register?.holds[0]).toMatchObject({
      legalGround: 'fiscale bewaarplicht 7 jaar',
      itemToolRecordId: '1',
    });
    expect(dossier.register?.retention[0]?.retentionDueAt).toMatch(/^2028-/);
    expect(dossier.register?.requests.map((r) => r.kind)).toEqual(['access']);
    expect(dossier.register?.audit.map((a) => a.action)).toEqual(['hold.added']);
  });
});

describe('a file the tool will not hand over', () => {
  it('is named in missingAttachments with the reason, and the rest of the dossier is still written', async () => {
    const input = draft();
    // The download answers 404 before any byte arrives.
    input.attachments[1]!.open = () => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(errorForStatus('Zendesk', 404)) }),
    });
    const { dossier, files } = await produce(input, { scope: 'access', language: 'en' });
    expect(dossier.missingAttachments).toEqual([
      expect.objectContaining({ originalName: 'Receipt.pdf', reason: errorForStatus('Zendesk', 404).userMessage }),
    ]);
    expect(dossier.attachments.map((a) => a.originalName)).not.toContain('Receipt.pdf');
    expect(Object.keys(files).filter((f) => f.startsWith('attachments/'))).toHaveLength(3);
    expect(text(files['index.html'])).toContain('Receipt.pdf');
  });

  it('a file that breaks off halfway fails the write instead of leaving a truncated file', async () => {
    const input = draft();
    input.attachments[0]!.open = async function* () {
      yield new Uint8Array([1, 2, 3]);
      throw errorForStatus('Zendesk', 0);
    };
    await expect(produce(input, { scope: 'access', language: 'en' })).rejects.toThrow();
  });
});
