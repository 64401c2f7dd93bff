import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createDesk, type SeedConversation, type SeedData } from '../../../demo/desk';
import { VirtualClock } from '../../../lib/connectors/clock';
import { gmail } from '../../../lib/connectors/gmail';
import { helpscout } from '../../../lib/connectors/helpscout';
import { intercom } from '../../../lib/connectors/intercom';
import type { Dossier } from '../../../lib/dossier/dossier-schema';
import { planExport, runExport } from '../../../lib/dossier/export-job';
import { MemoryExportStore } from '../../../lib/dossier/export-store';
import { deskConnection } from '../../../scripts/erase/desk-connections';
import { freshRegister } from '../register/fresh-register';

const NOW = Date.UTC(2026, 10, 28, 12);
const EMAIL = 'lotte@example.nl';
const TOOLS = ['helpscout', 'gmail', 'intercom'] as const;

function conversation(tool: SeedConversation['tool'], n: number): SeedConversation {
  const at = NOW - n * 86_400_000;
  return {
    tool,
    customerEmail: EMAIL,
    ccEmails: [],
    subject: `${tool} vraag ${n}`,
    status: 'closed',
    createdAt: at,
    updatedAt: at,
    held: n === 2,
    messages: [
      {
        fromCustomer: true,
        authorName: 'Lotte Visser',
        authorEmail: EMAIL,
        body: `${tool} ${n}: waar blijft mijn bestelling? Groeten, Lotte — café “de Eik”`,
        at,
        attachments: [
          { name: `${tool}-${n}-bon.txt`, contentType: 'text/plain', content: `bon ${tool} ${n} ✓`.repeat(5000) },
        ],
      },
      {
        fromCustomer: false,
        authorName: 'Sanne de Vries',
        authorEmail: 'support@acme.example',
        body: `${tool} ${n}: uw bestelling is onderweg.`,
        at: at + 3600_000,
        attachments: [{ name: `${tool}-${n}-label.pdf`, contentType: 'application/pdf', content: `%PDF label ${n}` }],
      },
    ],
  };
}

const seed: SeedData = {
  now: NOW,
  customers: [{ name: 'Lotte Visser', email: EMAIL, lang: 'nl' }],
  conversations: TOOLS.flatMap((tool) => [conversation(tool, 1), conversation(tool, 2)]),
};

async function exportFrom(tools: readonly string[]) {
  const clock = new VirtualClock(NOW);
  const desk = createDesk({ seed, now: () => clock.now() });
  const db = freshRegister();
  await db.customers.add({ id: 'c1', name: 'Lotte Visser', createdAt: NOW, updatedAt: NOW });
  await db.identities.add({ id: 'i1', customerId: 'c1', kind: 'email', value: EMAIL, firstSeen: NOW });
  const chunks: Uint8Array[] = [];
  const deps = {
    db,
    store: new MemoryExportStore(),
    tools: { connectors: { helpscout, gmail, intercom }, connection: deskConnection, fetch: desk.deskFetch, clock },
    sink: () => ({ write: (c: Uint8Array) => void chunks.push(c), close: () => undefined }),
    newId: () => 'export-m',
  };
  await planExport(deps, { customerId: 'c1', scope: 'access', language: 'en', mask: false, tools: [...tools] });
  const job = await runExport(deps, 'export-m');
  const zip = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  chunks.reduce((at, c) => (zip.set(c, at), at + c.byteLength), 0);
  const files = unzipSync(zip);
  const dossier = JSON.parse(new TextDecoder().decode(files['dossier.json'])) as Dossier;
  return { job, desk, files, dossier };
}

describe('exporting messages and files from Help Scout, Gmail and Intercom', () => {
  it.each(TOOLS)(
    '%s: every message the stand-in holds, by the right author, with every file byte for byte',
    async (tool) => {
      const { job, desk, files, dossier } = await exportFrom([tool]);
      expect(job.status).toBe('done');
      expect(job.tools[0]).toMatchObject({ tool, status: 'done' });
      // Every request matched the vendor's description (Gmail, Intercom) or its public docs (Help Scout).
      expect(desk.violations).toEqual([]);

      const expected = seed.conversations
        .filter((c) => c.tool === tool)
        .flatMap((c) => c.messages.map((m) => [m.body, m.fromCustomer]));
      const got = dossier.messages.map((m) => [m.text, m.fromCustomer]);
      expect(got.sort()).toEqual(expected.sort());
      expect(dossier.messages.every((m) => m.tool === tool && !m.internal)).toBe(true);

      expect(dossier.conversations).toHaveLength(2);
      expect(dossier.conversations.filter((c) => c.held)).toHaveLength(1);
      for (const m of dossier.messages) expect(dossier.conversations.map((c) => c.id)).toContain(m.conversationId);

      const seedFiles = seed.conversations
        .filter((c) => c.tool === tool)
        .flatMap((c) => c.messages.flatMap((m) => m.attachments));
      expect(dossier.missingAttachments).toEqual([]);
      expect(dossier.attachments).toHaveLength(seedFiles.length);
      for (const f of seedFiles) {
        const inZip = dossier.attachments.find((a) => a.originalName === f.name)!;
        expect(new TextDecoder().decode(files[inZip.path]), f.name).toBe(f.content);
        expect(inZip.contentType).toBe(f.contentType);
        // Each file hangs off the message it was attached to.
        const message = dossier.messages.find((m) => m.id === inZip.messageId)!;
        expect(message.text.startsWith(`${tool} ${f.name.split('-')[1]}:`)).toBe(true);
      }
    },
  );

  it('a profile from the tools that keep one (Help Scout customer, Intercom contact)', async () => {
    const { dossier } = await exportFrom(TOOLS);
    for (const tool of ['helpscout', 'intercom'])
      expect(dossier.tools.find((t) => t.tool === tool)?.profiles[0]?.emails, tool).toContain(EMAIL);
    expect(dossier.tools.find((t) => t.tool === 'gmail')?.profiles).toEqual([]);
    expect(dossier.messages).toHaveLength(12);
  });
});
