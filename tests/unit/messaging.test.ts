import { describe, expect, it } from 'vitest';
import { protocol } from '@/lib/messaging/protocol';

describe('messaging protocol', () => {
  it('rejects a ping with unknown fields or senders', () => {
    expect(protocol.ping.request.safeParse({ from: 'content' }).success).toBe(true);
    expect(protocol.ping.request.safeParse({ from: 'web-page' }).success).toBe(false);
    expect(protocol.ping.request.safeParse({ from: 'content', extra: 1 }).success).toBe(false);
  });

  it('rejects a malformed answer', () => {
    expect(protocol.ping.response.safeParse({ ok: true, version: '1', uptimeMs: -1 }).success).toBe(false);
    expect(protocol.ping.response.safeParse({ ok: false, version: '1', uptimeMs: 1 }).success).toBe(false);
  });
});
