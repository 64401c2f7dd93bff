import { describe, expect, it } from 'vitest';
import { siteForUrl } from '@/lib/sites/site-for-url';
import { contentScriptMatches } from '@/lib/sites/host-patterns';

describe('siteForUrl', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmlPdqrJwFzhgxBHwxQr', 'gmail'],
    ['https://outlook.office.com/mail/inbox/id/AAQkAGI2', 'outlook'],
    ['https://outlook.live.com/mail/0/', 'outlook'],
    ['https://acme.zendesk.com/agent/tickets/4821', 'zendesk'],
    ['https://acme.freshdesk.com/a/tickets/311', 'freshdesk'],
    ['https://secure.helpscout.net/conversation/2712345/88/', 'helpscout'],
    ['https://app.frontapp.com/open/cnv_55c8c149', 'front'],
    ['https://app.eu.intercom.com/a/inbox/abc123/inbox/conversation/1234', 'intercom'],
    ['https://business.facebook.com/latest/inbox/all?asset_id=1', 'meta'],
  ])('%s is %s', (url, tool) => {
    expect(siteForUrl(url)?.tool).toBe(tool);
  });

  it.each([
    'https://acme.zendesk.com/hc/en-us/articles/1',
    'https://www.facebook.com/messages',
    'https://example.com/',
    'not a url',
  ])('%s is not a supported tool page', (url) => {
    expect(siteForUrl(url)).toBeUndefined();
  });

  it('only asks for https pages of the tools', () => {
    for (const m of contentScriptMatches) expect(m).toMatch(/^https:\/\/[^/]+\/.+/);
  });
});
