import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dossierJsonPieces } from '../../../lib/dossier/dossier-json';
import { dossierSchema } from '../../../lib/dossier/dossier-schema';
import { draft, produce, text } from './fixture';

describe('text files written as streams', () => {
  it('dossier.json is exactly the pretty-printed, validated dossier, though written record by record', async () => {
    const big = draft();
    const template = big.messages[0]!;
    for (let i = 0; i < 2500; i += 1) big.messages.push({ ...template, id: `zendesk:1/m${i}`, text: `bericht ${i} ✓` });
    const { files, dossier } = await produce(big, { scope: 'access', language: 'en' });
    const written = text(files['dossier.json']);
    expect(written.length).toBeGreaterThan(3 * 64 * 1024); // several chunks
    expect(written).toBe(JSON.stringify(dossierSchema.parse(dossier), null, 2));
    expect(JSON.parse(written).messages).toHaveLength(big.messages.length);

    // The CSV in batches is one table: one header, every row once, in order.
    const rows = Papa.parse<string[]>(text(files['messages.csv']).trim()).data;
    expect(rows[0]![0]).toBe('id');
    expect(rows.slice(1).map((r) => r[0])).toEqual(big.messages.map((m) => m.id));
    // index.html holds every conversation section once.
    expect(text(files['index.html']).match(/<section class="conversation">/g)).toHaveLength(
      dossier.conversations.length,
    );
  });

  it('refuses a record that does not fit the schema instead of writing it', () => {
    const { messages, ...rest } = { ...draftDossier(), messages: [{ id: 'x' }] };
    expect(() => [...dossierJsonPieces({ ...rest, messages } as never)].join('')).toThrow();
  });
});

function draftDossier() {
  const d = draft();
  return {
    schemaVersion: '1.0.0',
    generatedAt: new Date(0).toISOString(),
    scope: 'access',
    language: 'en',
    masking: { applied: false, masked: 0 },
    subject: d.subject,
    tools: d.tools,
    conversations: d.conversations,
    attachments: [],
    missingAttachments: [],
  };
}
