import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { originsFor, permissionsFor, requestHostAccess } from '@/lib/connections/host-access';

describe('requestHostAccess', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks for the identity permission with the API hosts of an OAuth tool (Gmail, Outlook, Help Scout)', async () => {
    vi.spyOn(browser.permissions, 'contains').mockResolvedValue(false as never);
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    for (const tool of ['gmail', 'outlook', 'helpscout']) {
      expect(await requestHostAccess(tool)).toBe(true);
      expect(request).toHaveBeenLastCalledWith({ origins: originsFor(tool), permissions: ['identity'] });
      expect(originsFor(tool).length).toBeGreaterThan(0);
    }
  });

  it('asks only for the API hosts of a token tool, and nothing when already granted', async () => {
    const contains = vi.spyOn(browser.permissions, 'contains').mockResolvedValue(false as never);
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    await requestHostAccess('zendesk');
    expect(permissionsFor('zendesk')).toEqual([]);
    expect(request).toHaveBeenLastCalledWith({ origins: originsFor('zendesk'), permissions: [] });
    contains.mockResolvedValue(true as never);
    request.mockClear();
    expect(await requestHostAccess('front')).toBe(true);
    expect(request).not.toHaveBeenCalled();
  });

  it('reports a refused or failed prompt as not granted', async () => {
    vi.spyOn(browser.permissions, 'contains').mockResolvedValue(false as never);
    vi.spyOn(browser.permissions, 'request').mockRejectedValue(new Error('not in a user gesture'));
    expect(await requestHostAccess('intercom')).toBe(false);
  });
});
