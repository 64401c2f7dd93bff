/** A customer's draft dossier with the awkward parts: internal notes, agent replies, hostile text and names. */
import { unzipSync } from 'fflate';
import { dossierParts, type BuiltDossier } from '../../../lib/dossier/build-parts';
import type { AttachmentSource, BuildOptions, DossierDraft } from '../../../lib/dossier/types';
import { writeZip } from '../../../lib/dossier/zip-writer';

export const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const iso = (days: number) => new Date(NOW - days * 86_400_000).toISOString();

export const HOSTILE =
  '<script>alert(1)</script><img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a> \u202Egpj.exe';

function bytesOf(text: string, repeat = 1): () => AsyncIterable<Uint8Array> {
  return async function* () {
    const chunk = new TextEncoder().encode(text);
    for (let i = 0; i < repeat; i += 1) yield chunk;
  };
}

function attachment(id: string, messageId: string, name: string, text: string, repeat = 1): AttachmentSource {
  return {
    id,
    messageId,
    conversationId: 'zendesk:1',
    tool: 'zendesk',
    originalName: name,
    contentType: 'text/plain',
    open: bytesOf(text, repeat),
  };
}

export function draft(): DossierDraft {
  return {
    subject: {
      customerId: 'c1',
      name: 'Marieke Jansen',
      identities: [
        { kind: 'email', value: 'marieke@example.nl' },
        { kind: 'phone', value: '+31612345678' },
      ],
    },
    tools: [
      {
        tool: 'zendesk',
        label: 'Zendesk',
        account: 'acme',
        collectedAt: iso(0),
        status: 'complete',
        profiles: [
          {
            toolRecordId: '501',
            name: 'Marieke Jansen',
            emails: ['marieke@example.nl'],
            phones: [],
            fields: { locale: 'nl', notes: HOSTILE },
          },
        ],
        processing: { regions: ['US'], legalGround: 'dpf' },
        recordCount: 1,
      },
    ],
    conversations: [
      {
        id: 'zendesk:1',
        tool: 'zendesk',
        toolRecordId: '1',
        subject: `Refund ${HOSTILE}`,
        role: 'requester',
        status: 'open',
        createdAt: iso(10),
        updatedAt: iso(1),
        retentionDueAt: iso(-700),
        held: true,
      },
      {
        id: 'zendesk:2',
        tool: 'zendesk',
        toolRecordId: '2',
        subject: 'Only agents wrote here',
        role: 'cc',
        held: false,
      },
    ],
    messages: [
      {
        id: 'zendesk:11',
        conversationId: 'zendesk:1',
        tool: 'zendesk',
        toolRecordId: '11',
        author: { name: 'Marieke Jansen', email: 'marieke@example.nl' },
        fromCustomer: true,
        internal: false,
        sentAt: iso(10),
        text: `My parcel never came. Call me on +31 6 12345678 or mail marieke@example.nl.\n${HOSTILE}`,
      },
      {
        id: 'zendesk:12',
        conversationId: 'zendesk:1',
        tool: 'zendesk',
        toolRecordId: '12',
        author: { name: 'Sanne de Vries', email: 'support@acme.example' },
        fromCustomer: false,
        internal: true,
        sentAt: iso(9),
        text: 'INTERNAL: her neighbour piet.bakker@example.com took the parcel, IBAN NL91ABNA0417164300.',
      },
      {
        id: 'zendesk:13',
        conversationId: 'zendesk:1',
        tool: 'zendesk',
        toolRecordId: '13',
        author: { name: 'Sanne de Vries', email: 'support@acme.example' },
        fromCustomer: false,
        internal: false,
        sentAt: iso(8),
        text: 'AGENT REPLY: we refunded you.',
      },
      {
        id: 'zendesk:21',
        conversationId: 'zendesk:2',
        tool: 'zendesk',
        toolRecordId: '21',
        author: { name: 'Sanne de Vries' },
        fromCustomer: false,
        internal: false,
        sentAt: iso(5),
        text: 'AGENT ONLY thread, comma, "quotes"',
      },
    ],
    attachments: [
      attachment('zendesk:a1', 'zendesk:11', 'receipt.pdf', 'customer file ', 3),
      attachment('zendesk:a2', 'zendesk:11', 'Receipt.pdf', 'second file with the same name'),
      attachment('zendesk:a3', 'zendesk:11', '../../\u202Egpj.exe', 'hostile name'),
      attachment('zendesk:a4', 'zendesk:12', 'internal-photo.jpg', 'agent file in an internal note'),
    ],
    register: {
      holds: [
        {
          id: 'h1',
          tool: 'zendesk',
          itemKind: 'conversation',
          itemToolRecordId: '1',
          reason: 'Invoice',
          legalGround: 'fiscale bewaarplicht 7 jaar',
          by: 'lead@acme.example',
          since: iso(3),
        },
      ],
      retention: [
        {
          tool: 'zendesk',
          itemKind: 'conversation',
          itemToolRecordId: '1',
          firstSeen: iso(10),
          retentionDueAt: iso(-700),
          held: true,
        },
      ],
      requests: [{ id: 'r1', kind: 'access', receivedAt: iso(2), deadline: iso(-28), status: 'open' }],
      audit: [{ at: iso(3), action: 'hold.added', tool: 'zendesk', count: 1, result: 'ok' }],
    },
  };
}

export interface Produced extends BuiltDossier {
  files: Record<string, Uint8Array>;
  zipBytes: number;
}

/** Builds the ZIP in memory (small fixtures only) and opens it again with fflate's unzipSync. */
export async function produce(input: DossierDraft, options: Omit<BuildOptions, 'now'>): Promise<Produced> {
  const chunks: Uint8Array[] = [];
  let built: BuiltDossier | undefined;
  await writeZip(
    dossierParts(input, { ...options, now: NOW }, (b) => (built = b)),
    { write: (c) => void chunks.push(c), close: () => undefined },
    NOW,
  );
  const zip = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    zip.set(c, at);
    at += c.byteLength;
  }
  return { ...built!, files: unzipSync(zip), zipBytes: zip.byteLength };
}

export const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
