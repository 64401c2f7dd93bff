/**
 * "Export dossier" end to end in Chromium: the team's connections file imported in the dashboard, the
 * agent presses Export dossier in the panel on a Zendesk ticket, the dashboard makes the dossier from
 * every stand-in tool of the demo desk (real host names over HTTPS), the ZIP is caught as a download,
 * opened, validated against its own schema and hashes, and compared with what the desk holds.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../demo/chromium';
import {
  DEMO_CREDENTIALS,
  startDesk,
  type DemoDesk,
  type SeedConversation,
  type SeedData,
  type ToolId,
} from '../../demo/desk';
import { hostResolverRules, startHttpsServer, type Handler, type RunningServer } from '../../demo/https-server';
import type { ConnectionsFile } from '../../lib/connections/schema';
import type { Dossier } from '../../lib/dossier/dossier-schema';

const EMAIL = 'emma.visser@kpnmail.nl';
const OTHER = 'pieter.jansen@ziggo.nl';
const NOW = Date.now();
const DAY = 86_400_000;
const TICKET = 'https://fietsenhuis.zendesk.com/agent/tickets/4821';

function conversation(tool: ToolId, n: number, email = EMAIL): SeedConversation {
  const at = NOW - n * DAY;
  const files = email === EMAIL;
  return {
    tool,
    customerEmail: email,
    ccEmails: [],
    subject: `${tool} vraag ${n}`,
    status: 'open',
    createdAt: at,
    updatedAt: at + 3_600_000,
    held: false,
    messages: [
      {
        fromCustomer: true,
        authorName: email === EMAIL ? 'Emma Visser' : 'Pieter Jansen',
        authorEmail: email,
        body: `${tool} ${n}: mijn accu is kapot, order 5512${n}.`,
        at,
        attachments: files
          ? [{ name: `${tool}-bon-${n}.txt`, contentType: 'text/plain', content: `bon ${tool} ${n}` }]
          : [],
      },
      {
        fromCustomer: false,
        authorName: 'Sanne de Vries',
        authorEmail: 'support@acme.example',
        body: `${tool} ${n}: we sturen een nieuwe.`,
        at: at + 3_600_000,
        attachments: [],
      },
    ],
  };
}

const TOOLS: ToolId[] = ['zendesk', 'freshdesk', 'front', 'helpscout', 'gmail', 'intercom'];
const seed: SeedData = {
  now: NOW,
  customers: [
    { name: 'Emma Visser', email: EMAIL, lang: 'nl' },
    { name: 'Pieter Jansen', email: OTHER, lang: 'nl' },
  ],
  conversations: [
    ...TOOLS.map((tool) => conversation(tool, 1)),
    conversation('zendesk', 2),
    conversation('zendesk', 3, OTHER),
    conversation('front', 4, OTHER),
  ],
};

/** The team's connections file for the stand-ins (format of lib/connections/schema.ts). */
function connectionsFile(): ConnectionsFile {
  const c = DEMO_CREDENTIALS;
  return {
    format: 'privacydesk-connections',
    version: 1,
    connections: [
      { tool: 'zendesk', account: c.zendesk.subdomain, secret: { email: c.zendesk.email, token: c.zendesk.apiToken } },
      { tool: 'gmail', account: c.gmail.userId, secret: { clientId: 'demo', accessToken: c.gmail.accessToken } },
      {
        tool: 'helpscout',
        account: 'acme',
        secret: { clientId: c.helpscout.clientId, accessToken: c.helpscout.accessToken },
      },
      { tool: 'freshdesk', account: 'acme', secret: { apiKey: c.freshdesk.apiKey } },
      { tool: 'front', account: 'acme', secret: { token: c.front.apiToken } },
      { tool: 'intercom', account: 'us', secret: { token: c.intercom.accessToken, adminId: '991267' } },
    ],
  };
}

/** The Zendesk ticket page (a saved fixture; its scripts off, as Zendesk sanitises mail). */
const ticketPage: Handler = async (_req, res) => {
  const html = await readFile(join(import.meta.dirname, '../fixtures/sites/zendesk/conversation.html'));
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" })
    .end(html);
};

/** What the desk holds of the customer per tool: the ids of the conversations they started. */
function heldByDesk(state: Record<string, unknown>): Record<string, string[]> {
  type Rows = { id: string | number; [k: string]: unknown }[];
  const rows = (tool: string, list: string) => ((state[tool] as Record<string, Rows>)[list] ?? []) as Rows;
  const ids = (list: Rows) => list.map((r) => String(r.id)).sort();
  const gmail = rows('gmail', 'messages').filter((m) => JSON.stringify([m.from, m.to, m.cc]).includes(EMAIL));
  const threads = [...new Set(gmail.map((m) => String(m.threadId)))].sort();
  return {
    zendesk: ids(rows('zendesk', 'tickets').filter((t) => t.requester === EMAIL)),
    freshdesk: ids(rows('freshdesk', 'tickets').filter((t) => t.requester === EMAIL)),
    front: ids(rows('front', 'conversations').filter((v) => v.contact === EMAIL)),
    helpscout: ids(rows('helpscout', 'conversations').filter((v) => v.customer === EMAIL)),
    intercom: ids(rows('intercom', 'conversations').filter((v) => v.contact === EMAIL)),
    // Gmail's conversations are the threads of the messages found.
    gmail: threads,
  };
}

describe('Export dossier in Chromium against the demo desk', () => {
  let desk: DemoDesk;
  let pages: RunningServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    desk = await startDesk({ port: 0, seed });
    pages = await startHttpsServer(['fietsenhuis.zendesk.com'], ticketPage);
    browser = await launchWithExtension({
      hostResolverRules: `${hostResolverRules(desk.hosts, desk.server!.port)}, ${hostResolverRules(['fietsenhuis.zendesk.com'], pages.port)}`,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await desk?.close();
  });

  async function importConnections(): Promise<void> {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('dashboard.html#connections'));
    await page.getByLabel('Import connections file').setInputFiles({
      name: 'connections.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(connectionsFile())),
    });
    await expect.poll(() => page.getByText('Connected: ').count()).toBe(1);
    await page.close();
  }

  it('exports the customer from the panel: the ZIP validates, its hashes hold, and it holds what the tools hold', async () => {
    await importConnections();

    const ticket = await browser.context.newPage();
    await ticket.goto(TICKET);
    const panel = ticket.getByRole('complementary', { name: 'Privacy panel' });
    await expect.poll(() => panel.locator('[data-customer-email]').getAttribute('data-customer-email')).toBe(EMAIL);
    const exportButton = panel.getByRole('button', { name: 'Export dossier' });
    await expect.poll(() => exportButton.isEnabled()).toBe(true);
    const opened = browser.context.waitForEvent('page');
    await exportButton.click();
    const dashboard: Page = await opened;
    await dashboard.waitForLoadState();
    // The customer's address is not in the dashboard's URL, only a one-time token.
    expect(dashboard.url()).toMatch(/dashboard\.html#export\/[0-9a-f-]{36}$/);
    expect(dashboard.url()).not.toContain('kpnmail');

    const dialog = dashboard.getByRole('dialog', { name: /Export dossier/ });
    await expect.poll(() => dialog.textContent()).toContain('Zendesk');
    await dialog.getByLabel('Everything held (GDPR Art. 15)').check();
    const download = dashboard.waitForEvent('download', { timeout: 45_000 });
    await dialog.getByRole('button', { name: 'Make dossier' }).click();
    const file = await download;
    // Saved under a name without personal data (Playwright's download keeps its own name for the file).
    await expect
      .poll(() => dialog.locator('[data-export-file]').getAttribute('data-export-file'))
      .toMatch(/^privacydesk-dossier-access-\d{4}-\d\d-\d\d-[a-z0-9]{8}\.zip$/);
    const zip = unzipSync(new Uint8Array(await readFile((await file.path())!)));

    // The dialog reports every tool read and the request recorded.
    const tools = dialog.getByRole('list', { name: 'Tools read for this dossier' }).getByRole('listitem');
    expect(await tools.evaluateAll((items) => items.map((i) => i.getAttribute('data-status')))).toEqual(
      TOOLS.map(() => 'done'),
    );
    await expect.poll(() => dialog.textContent()).toContain('The request is recorded as fulfilled in the register.');

    // dossier.json validates against the dossier.schema.json in the same ZIP.
    const text = (path: string) => new TextDecoder().decode(zip[path]);
    const dossier = JSON.parse(text('dossier.json')) as Dossier;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat('date-time', { validate: (s: string) => !Number.isNaN(Date.parse(s)) });
    const validate = ajv.compile(JSON.parse(text('dossier.schema.json')) as object);
    expect(validate(dossier), JSON.stringify(validate.errors)).toBe(true);

    // Every file's SHA-256 in manifest.json matches, and every file in the ZIP is listed.
    const manifest = JSON.parse(text('manifest.json')) as { files: { path: string; sha256: string; size: number }[] };
    for (const entry of manifest.files) {
      const bytes = zip[entry.path];
      expect(bytes, entry.path).toBeDefined();
      expect(createHash('sha256').update(bytes!).digest('hex'), entry.path).toBe(entry.sha256);
      expect(bytes!.byteLength, entry.path).toBe(entry.size);
    }
    expect(Object.keys(zip).sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());

    // The conversations are exactly the ones the desk holds for this customer, per tool.
    const expected = heldByDesk(desk.state());
    for (const tool of TOOLS) {
      const got = dossier.conversations
        .filter((c) => c.tool === tool)
        .map((c) => c.toolRecordId)
        .sort();
      expect(got, tool).toEqual(expected[tool]);
      expect(got.length, tool).toBeGreaterThan(0);
    }
    // Every message of every tool is in it (Help Scout threads, Gmail messages, Intercom parts included),
    // by the right author; nothing of the other customer is.
    const got = dossier.messages.map((m) => [m.tool, m.text, m.fromCustomer]);
    const want = seed.conversations
      .filter((c) => c.customerEmail === EMAIL)
      .flatMap((c) => c.messages.map((m) => [c.tool, m.body, m.fromCustomer]));
    expect(got.sort()).toEqual(want.sort());
    expect(JSON.stringify(dossier)).not.toContain(OTHER);
    // The files the tools hand over are in the ZIP with their original names and content (Gmail's by
    // attachmentId, Help Scout's from its data endpoint, Intercom's from its file host).
    for (const c of seed.conversations.filter((c) => c.customerEmail === EMAIL)) {
      const original = c.messages[0]!.attachments[0]!;
      const entry = dossier.attachments.find((a) => a.originalName === original.name);
      expect(entry, original.name).toBeDefined();
      expect(text(entry!.path)).toBe(original.content);
    }
    expect(dossier.missingAttachments).toEqual([]);
    expect(desk.violations).toEqual([]);
    // The readable copy is there too.
    expect(text('index.html')).toContain('Emma Visser');

    // The register holds the access request, closed, and an audit entry for the export.
    const register = await dashboard.evaluate(
      () =>
        new Promise<{ requests: { kind: string; status: string }[]; audit: { action: string }[] }>(
          (resolve, reject) => {
            const open = indexedDB.open('privacydesk-register');
            open.onerror = () => reject(new Error('register not readable'));
            open.onsuccess = () => {
              const tx = open.result.transaction(['requests', 'audit'], 'readonly');
              const requests = tx.objectStore('requests').getAll();
              const audit = tx.objectStore('audit').getAll();
              tx.oncomplete = () =>
                resolve({
                  requests: requests.result as { kind: string; status: string }[],
                  audit: audit.result as { action: string }[],
                });
            };
          },
        ),
    );
    expect(register.requests.map((r) => [r.kind, r.status])).toEqual([['access', 'closed']]);
    expect(register.audit.map((a) => a.action)).toContain('dossier.access.exported');
    await dashboard.close();
    await ticket.close();
  }, 150_000);

  it('an export whose tab is closed half-way is continued by a dashboard the background reopens, then saved and recorded', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('dashboard.html#customers'));
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('emma.visser');
    await page.getByRole('button', { name: /Emma Visser/ }).click();
    const detail = page.getByRole('article', { name: 'Customer detail' });
    await detail.getByRole('button', { name: 'Export dossier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export dossier — Emma Visser' });
    await dialog.getByLabel('Everything held (GDPR Art. 15)').check();
    // This tab's calls to the tools are slowed down, so it can be closed while they are being read.
    await page.route(/^https:/, async (route) => {
      await new Promise((r) => setTimeout(r, 300));
      await route.continue().catch(() => undefined);
    });
    await dialog.getByRole('button', { name: 'Make dossier' }).click();
    await expect.poll(() => dialog.locator('[data-export-tool][data-status="done"]').count()).toBeGreaterThan(0);
    const reopened = browser.context.waitForEvent('page', { timeout: 30_000 });
    await page.close();

    const jobs = await reopened;
    expect(jobs.url()).toMatch(/dashboard\.html#jobs$/);
    const download = await jobs.waitForEvent('download', { timeout: 60_000 });
    const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const dossier = JSON.parse(new TextDecoder().decode(zip['dossier.json'])) as Dossier;
    expect(dossier.scope).toBe('access');
    expect(new Set(dossier.messages.map((m) => m.tool))).toEqual(new Set(TOOLS));
    // Jobs shows the resumed export done; the register has its request closed.
    await expect
      .poll(
        () =>
          jobs
            .getByRole('list', { name: 'Jobs' })
            .locator('li[data-job-status]')
            .first()
            .getAttribute('data-job-status'),
        {
          timeout: 20_000,
        },
      )
      .toBe('done');
    const rows = await jobs.evaluate(
      () =>
        new Promise<{
          jobs: { kind: string; status: string; payload: { resumed?: number } }[];
          requests: { kind: string; status: string }[];
        }>((resolve, reject) => {
          const open = indexedDB.open('privacydesk-register');
          open.onerror = () => reject(new Error('register not readable'));
          open.onsuccess = () => {
            const tx = open.result.transaction(['jobs', 'requests'], 'readonly');
            const j = tx.objectStore('jobs').getAll();
            const r = tx.objectStore('requests').getAll();
            tx.oncomplete = () => resolve({ jobs: j.result, requests: r.result });
          };
        }),
    );
    const resumed = rows.jobs.filter((j) => j.kind === 'export' && (j.payload.resumed ?? 0) > 0);
    expect(resumed.map((j) => j.status)).toEqual(['done']);
    expect(rows.requests.filter((r) => r.kind === 'access').map((r) => r.status)).toEqual(['closed', 'closed']);
    await jobs.close();
  }, 150_000);

  it('exports only what the customer provided (portability) from the customer detail in the dashboard', async () => {
    // The customer is in the register since the panel saw the ticket (previous test).
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('dashboard.html#customers'));
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('emma.visser');
    await page.getByRole('button', { name: /Emma Visser/ }).click();
    const detail = page.getByRole('article', { name: 'Customer detail' });
    await detail.getByRole('button', { name: 'Export dossier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export dossier — Emma Visser' });
    await dialog.getByLabel('Only what the customer provided (GDPR Art. 20)').check();
    const download = page.waitForEvent('download', { timeout: 45_000 });
    await dialog.getByRole('button', { name: 'Make dossier' }).click();
    const zip = unzipSync(new Uint8Array(await readFile((await (await download).path())!)));
    const dossier = JSON.parse(new TextDecoder().decode(zip['dossier.json'])) as Dossier;
    expect(dossier.scope).toBe('portability');
    expect(dossier.messages.length).toBeGreaterThan(0);
    expect(dossier.messages.every((m) => m.fromCustomer)).toBe(true);
    await expect
      .poll(() => dialog.locator('[data-export-file]').getAttribute('data-export-file'))
      .toMatch(/^privacydesk-dossier-portability-/);
    // The request list in the detail shows the portability request, closed.
    await expect
      .poll(() => detail.getByRole('list', { name: 'Data-subject requests' }).textContent())
      .toMatch(/ortability/);
    await page.close();
  }, 120_000);
});
