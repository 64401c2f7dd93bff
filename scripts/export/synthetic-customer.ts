/**
 * A deterministic synthetic customer for the export benchmark: conversations with customer, agent and
 * internal messages, and attachments whose bytes come from a seeded generator chunk by chunk, so
 * 200 MB of files exist only while they stream into the ZIP. `syntheticFetch` serves those bytes as
 * streamed HTTP responses (a ReadableStream that generates a chunk only when the reader pulls), so the
 * benchmark takes the extension's download path: fetch → body reader → hash → ZIP → sink.
 */
import type { AttachmentSource, DossierDraft } from '../../lib/dossier/types';

const CHUNK = 64 * 1024;

function xorshift(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

function generated(seed: number, size: number, onChunk?: () => void): () => AsyncIterable<Uint8Array> {
  return async function* () {
    const next = xorshift(seed);
    for (let done = 0; done < size; done += CHUNK) {
      const chunk = new Uint8Array(Math.min(CHUNK, size - done));
      const words = new Uint32Array(chunk.buffer, 0, chunk.byteLength >>> 2);
      for (let i = 0; i < words.length; i += 1) words[i] = next();
      onChunk?.();
      yield chunk;
    }
  };
}

/** A fetch for `https://files.example/<seed>/<size>`: the generated file, streamed as the reader pulls. */
export function syntheticFetch(onChunk?: () => void) {
  return async (input: string): Promise<Response> => {
    const [seed, size] = new URL(input).pathname.split('/').slice(1).map(Number);
    const chunks = generated(seed!, size!, onChunk)()[Symbol.asyncIterator]();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'image/jpeg' } });
  };
}

export interface SyntheticOptions {
  conversations: number;
  attachmentBytes: number;
  /** Files per conversation; the bytes are spread evenly over all files. */
  filesPerConversation?: number;
  onChunk?: () => void;
  /** Reads a file from its URL (the extension's downloader); absent: the generator directly. */
  download?: (url: string) => AsyncIterable<Uint8Array>;
}

export function syntheticCustomer(options: SyntheticOptions): DossierDraft {
  const day = 86_400_000;
  const start = Date.UTC(2024, 0, 1);
  const iso = (ms: number) => new Date(ms).toISOString();
  const perConversation = options.filesPerConversation ?? 1;
  const fileCount = options.conversations * perConversation;
  const fileSize = Math.floor(options.attachmentBytes / fileCount);
  const draft: DossierDraft = {
    subject: {
      customerId: 'bench-customer',
      name: 'Bench Klant',
      identities: [{ kind: 'email', value: 'klant@example.nl' }],
    },
    tools: [
      {
        tool: 'zendesk',
        label: 'Zendesk',
        account: 'acme',
        collectedAt: iso(start + 700 * day),
        status: 'complete',
        profiles: [
          {
            toolRecordId: '1',
            name: 'Bench Klant',
            emails: ['klant@example.nl'],
            phones: [],
            fields: { locale: 'nl' },
          },
        ],
        processing: { regions: ['US'], legalGround: 'dpf' },
        recordCount: options.conversations,
      },
    ],
    conversations: [],
    messages: [],
    attachments: [],
  };
  for (let c = 0; c < options.conversations; c += 1) {
    const id = `zendesk:${10_000 + c}`;
    const at = start + c * 3600_000;
    draft.conversations.push({
      id,
      tool: 'zendesk',
      toolRecordId: String(10_000 + c),
      subject: `Bestelling ${c} niet ontvangen`,
      role: 'requester',
      status: 'closed',
      createdAt: iso(at),
      updatedAt: iso(at + day),
      held: c % 50 === 0,
    });
    const texts = [
      [true, false, `Hallo, mijn bestelling ${c} is nog niet bezorgd. Kunt u kijken waar die blijft?`],
      [false, false, `Beste klant, we hebben bestelling ${c} opnieuw verzonden.`],
      [false, true, `Interne notitie: pakket ${c} retour bij depot.`],
    ] as const;
    texts.forEach(([fromCustomer, internal, text], m) => {
      draft.messages.push({
        id: `${id}-${m}`,
        conversationId: id,
        tool: 'zendesk',
        toolRecordId: `${c}-${m}`,
        author: fromCustomer ? { name: 'Bench Klant', email: 'klant@example.nl' } : { name: 'Sanne de Vries' },
        fromCustomer,
        internal,
        sentAt: iso(at + m * 600_000),
        text,
      });
    });
    for (let f = 0; f < perConversation; f += 1) {
      const file: AttachmentSource = {
        id: `${id}-file-${f}`,
        messageId: `${id}-0`,
        conversationId: id,
        tool: 'zendesk',
        originalName: `foto-${c % 100}.jpg`,
        contentType: 'image/jpeg',
        open: options.download
          ? () => options.download!(`https://files.example/${c * 31 + f + 1}/${fileSize}`)
          : generated(c * 31 + f + 1, fileSize, options.onChunk),
      };
      draft.attachments.push(file);
    }
  }
  return draft;
}
