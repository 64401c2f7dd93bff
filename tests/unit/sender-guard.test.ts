import { describe, expect, it } from 'vitest';
import { isOwnContext } from '@/lib/messaging/sender-guard';

const id = 'abcdefghijklmnopabcdefghijklmnop';
const origin = `chrome-extension://${id}`;

describe('isOwnContext', () => {
  it('accepts our own pages and service worker', () => {
    expect(isOwnContext({ id, url: `${origin}/dashboard.html` }, id, origin)).toBe(true);
  });

  it('accepts our content script in a tab', () => {
    expect(isOwnContext({ id, url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 7 } }, id, origin)).toBe(
      true,
    );
  });

  it('refuses another extension', () => {
    expect(isOwnContext({ id: 'other', url: 'chrome-extension://other/x.html' }, id, origin)).toBe(false);
  });

  it('refuses a sender with our id but a foreign URL and no tab', () => {
    expect(isOwnContext({ id, url: 'https://evil.example/' }, id, origin)).toBe(false);
  });

  it('refuses a web page (no extension id)', () => {
    expect(isOwnContext({ url: 'https://evil.example/', tab: { id: 3 } }, id, origin)).toBe(false);
  });
});
