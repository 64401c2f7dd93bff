import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../../demo/openapi';
import { VirtualClock } from '../../../lib/connectors/clock';
import { outlook } from '../../../lib/connectors/outlook';
import type { Dossier } from '../../../lib/dossier/dossier-schema';
import { planExport, runExport } from '../../../lib/dossier/export-job';
import { MemoryExportStore } from '../../../lib/dossier/export-store';
import { freshRegister } from '../register/fresh-register';

/**
 * A Graph mailbox in Microsoft's documented shapes (the demo desk has no Graph stand-in): messages, their
 * attachments' metadata, and each file's raw bytes from `…/attachments/{id}/$value`, streamed in chunks.
 * Every request is recorded; those the trimmed Graph description holds are validated against it. It
 * lacks the two attachment endpoints (list, `$value`), which are checked against their documented form.
 */
const NOW = Date.UTC(2026, 10, 28, 12);
const MAILBOX = 'support@acme.example';
const CUSTOMER = 'ana.jansen@example.nl';
const UNDESCRIBED = [
  /^GET https:\/\/graph\.microsoft\.com\/v1\.0\/users\/[^/]+\/messages\/[^/]+\/attachments$/,
  /^GET https:\/\/graph\.microsoft\.com\/v1\.0\/users\/[^/]+\/messages\/[^/]+\/attachments\/[^/]+\/\$value$/,
];

const who = (address: string, name?: string) => ({ emailAddress: { address, name: name ?? address } });
const big = new Uint8Array(200_000).map((_, i) => (i * 31) & 0xff);
const messages = [
  {
    id: 'AAM1',
    conversationId: 'CONV1',
    subject: 'Order 1',
    body: { contentType: 'html', content: '<html><body><p>Waar is order&nbsp;1?</p><p>Ana</p></body></html>' },
    from: who(CUSTOMER, 'Ana Jansen'),
    toRecipients: [who(MAILBOX)],
    ccRecipients: [],
    sentDateTime: '2026-10-01T10:00:00Z',
    receivedDateTime: '2026-10-01T10:00:01Z',
    hasAttachments: true,
    categories: [],
  },
  {
    id: 'AAM2',
    conversationId: 'CONV1',
    subject: 'RE: Order 1',
    body: { contentType: 'text', content: 'It ships today.' },
    from: who(MAILBOX, 'Sanne'),
    toRecipients: [who(CUSTOMER)],
    ccRecipients: [],
    sentDateTime: '2026-10-01T11:00:00Z',
    receivedDateTime: '2026-10-01T11:00:00Z',
    hasAttachments: false,
    categories: ['privacy-keep'],
  },
];
const attachments: Record<string, { meta: Record<string, unknown>; bytes?: Uint8Array }[]> = {
  AAM1: [
    {
      meta: {
        '@odata.type': '#microsoft.graph.fileAttachment',
        id: 'AT1',
        name: 'photo.jpg',
        contentType: 'image/jpeg',
      },
      bytes: big,
    },
    {
      meta: {
        '@odata.type': '#microsoft.graph.referenceAttachment',
        id: 'AT2',
        name: 'contract.docx',
        contentType: null,
      },
    },
  ],
};

function graphMailbox() {
  const recorded: { method: string; url: string }[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    recorded.push({ method, url: input });
    const url = new URL(input);
    const path = decodeURIComponent(url.pathname);
    if (!path.startsWith(`/v1.0/users/${MAILBOX}/messages`)) return json({ error: { code: 'BadRequest' } }, 400);
    const [, id, sub, aid, value] =
      /^\/v1\.0\/users\/[^/]+\/messages(?:\/([^/]+))?(?:\/(attachments))?(?:\/([^/]+))?(?:\/(\$value))?$/.exec(path) ??
      [];
    if (!id) {
      const filter = url.searchParams.get('$filter') ?? '';
      const address = /'([^']+)'/.exec(filter)?.[1];
      const list = messages.filter((m) =>
        filter.startsWith('from/')
          ? m.from.emailAddress.address === address
          : filter.startsWith('toRecipients')
            ? m.toRecipients.some((r) => r.emailAddress.address === address)
            : m.ccRecipients.some((r: { emailAddress: { address: string } }) => r.emailAddress.address === address),
      );
      return json({
        value: list.map(({ id: i, subject, categories, receivedDateTime }) => ({
          id: i,
          subject,
          categories,
          receivedDateTime,
        })),
      });
    }
    const message = messages.find((m) => m.id === id);
    if (!message) return json({ error: { code: 'ErrorItemNotFound' } }, 404);
    if (!sub) {
      const select = url.searchParams.get('$select')?.split(',');
      return json(select ? Object.fromEntries(Object.entries(message).filter(([k]) => select.includes(k))) : message);
    }
    const files = attachments[id] ?? [];
    if (!aid) return json({ value: files.map((f) => f.meta) });
    const file = files.find((f) => f.meta.id === aid);
    if (!file?.bytes || !value) return json({ error: { code: 'ErrorInvalidAttachmentType' } }, 400);
    const bytes = file.bytes;
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.slice(at, (at += 16_384)));
      },
    });
    return new Response(stream, { status: 200, headers: { 'content-type': 'application/octet-stream' } });
  };
  return { fetch, recorded };
}

describe('exporting an Outlook mailbox customer (Microsoft Graph)', () => {
  it('holds each message as text, grouped by conversation, each file streamed from $value, a link named as missing', async () => {
    const graph = graphMailbox();
    const db = freshRegister();
    await db.customers.add({ id: 'c1', name: 'Ana Jansen', createdAt: NOW, updatedAt: NOW });
    await db.identities.add({ id: 'i1', customerId: 'c1', kind: 'email', value: CUSTOMER, firstSeen: NOW });
    const chunks: Uint8Array[] = [];
    const deps = {
      db,
      store: new MemoryExportStore(),
      tools: {
        connectors: { outlook },
        connection: () => ({ tool: 'outlook', account: MAILBOX, secret: { accessToken: 'graph-token' } }),
        fetch: graph.fetch,
        clock: new VirtualClock(NOW),
      },
      sink: () => ({ write: (c: Uint8Array) => void chunks.push(c), close: () => undefined }),
      newId: () => 'export-o',
    };
    await planExport(deps, { customerId: 'c1', scope: 'access', language: 'en', mask: false, tools: ['outlook'] });
    const job = await runExport(deps, 'export-o');
    expect(job.status).toBe('done');

    const files = unzipSync(Buffer.concat(chunks));
    const dossier = JSON.parse(new TextDecoder().decode(files['dossier.json'])) as Dossier;
    expect(dossier.conversations).toEqual([
      expect.objectContaining({ id: 'outlook:CONV1', subject: 'Order 1', role: 'author', held: true }),
    ]);
    expect(dossier.messages.map((m) => [m.text, m.fromCustomer, m.author.email])).toEqual([
      ['Waar is order\u00a01?\n\nAna', true, CUSTOMER],
      ['It ships today.', false, MAILBOX],
    ]);
    expect(dossier.attachments).toHaveLength(1);
    expect(Buffer.from(files[dossier.attachments[0]!.path]!).equals(Buffer.from(big))).toBe(true);
    expect(dossier.missingAttachments.map((m) => [m.originalName, m.reason])).toEqual([
      ['contract.docx', expect.stringContaining('OneDrive')],
    ]);

    const violations: string[] = [];
    let undescribed = 0;
    let validated = 0;
    for (const r of graph.recorded) {
      const line = `${r.method} ${r.url.split('?')[0]}`;
      if (UNDESCRIBED.some((re) => re.test(line))) {
        undescribed += 1;
        continue;
      }
      const result = validateRequest('graph', { method: r.method, url: r.url, headers: {} });
      if (!result.ok) violations.push(`${line}: ${result.errors.join('; ')}`);
      else validated += 1;
    }
    expect(violations).toEqual([]);
    expect(undescribed).toBe(2);
    // The three find queries and the two message reads.
    expect(validated).toBe(5);
    expect(graph.recorded.some((r) => decodeURIComponent(r.url).includes('$select=id,subject,body,'))).toBe(true);
  });
});
