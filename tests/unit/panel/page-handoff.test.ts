import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelStart } from '@/lib/panel/page-handoff';
import type { Conversation } from '@/lib/sites/site-adapter';

// Detection never answers here: these tests are about who holds the scan, not about its findings.
vi.mock('@/lib/messaging/messenger', () => ({ sendMessage: vi.fn(() => new Promise(() => undefined)) }));

const conversation: Conversation = {
  tool: 'gmail',
  conversationId: 't1',
  url: 'https://mail.google.com/#inbox/t1',
  subject: 's',
  customer: { name: 'Sanne', emails: ['sanne@example.nl'], phones: [], handles: [] },
  messages: [{ id: 'm1', author: 'Sanne', fromCustomer: true, sentAt: null, text: 'mail sanne@example.nl' }],
};

/** Each page script has its own copy of these modules: a fresh import stands for the other script. */
async function freshCopy<T>(load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  return load();
}

const start = { ctx: {}, adapter: {}, feed: {} } as unknown as PanelStart;

describe('the hand-over between the reader and the panel UI scripts', () => {
  beforeEach(() => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('privacydesk.page-handoff')];
  });

  it('gives the reader the bootstrap boot once, and none to the generic reader', async () => {
    const bootstrap = await freshCopy(() => import('@/lib/panel/page-handoff'));
    const reader = await freshCopy(() => import('@/lib/panel/page-handoff'));
    expect(reader.takePanelBoot()).toBeNull();
    const boot = { ctx: {}, space: {} } as never;
    bootstrap.offerPanelBoot(boot);
    expect(reader.takePanelBoot()).toBe(boot);
    expect(reader.takePanelBoot()).toBeNull();
  });

  it('mounts once when the reader starts before the UI registers', async () => {
    const reader = await freshCopy(() => import('@/lib/panel/page-handoff'));
    const ui = await freshCopy(() => import('@/lib/panel/page-handoff'));
    expect(ui).not.toBe(reader);
    reader.startPanel(start);
    const mount = vi.fn();
    ui.onPanelStart(mount);
    expect(mount).toHaveBeenCalledTimes(1);
    expect(mount).toHaveBeenCalledWith(start);
    ui.onPanelStart(mount);
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('mounts once when the UI registers before the reader starts', async () => {
    const reader = await freshCopy(() => import('@/lib/panel/page-handoff'));
    const ui = await freshCopy(() => import('@/lib/panel/page-handoff'));
    const mount = vi.fn();
    ui.onPanelStart(mount);
    expect(mount).not.toHaveBeenCalled();
    reader.startPanel(start);
    reader.startPanel(start);
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it("sends through the reader's messenger, and says so when it is not shared yet", async () => {
    const reader = await freshCopy(() => import('@/lib/panel/page-handoff'));
    const ui = await freshCopy(() => import('@/lib/panel/page-handoff'));
    expect(() => ui.sharedMessenger()).toThrow(/not shared its messenger yet/);
    const sendMessage = vi.fn();
    reader.shareMessenger({ sendMessage } as never);
    expect(ui.sharedMessenger().sendMessage).toBe(sendMessage);
  });

  it('the scan the reader started ahead is taken by the UI, once, for the same read only', async () => {
    const reader = await freshCopy(() => import('@/lib/panel/findings-scan'));
    const ui = await freshCopy(() => import('@/lib/panel/page-handoff'));
    reader.scanAhead(conversation, 'gmail:1');
    expect(ui.takeScanAhead('gmail:2')).toBeNull();
    const scan = ui.takeScanAhead('gmail:1');
    expect(scan?.results).toHaveLength(1);
    expect(ui.takeScanAhead('gmail:1')).toBeNull();
    scan?.cancel();
  });
});
