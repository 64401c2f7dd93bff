// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validateRequest, vendorValidator, VENDORS } from '../../../demo/openapi';

const json = { 'content-type': 'application/json' };
const intercomHeaders = { ...json, 'Intercom-Version': '2.14' };

function errorsOf(result: ReturnType<typeof validateRequest>): string[] {
  return result.ok ? [] : result.errors;
}

describe('validateRequest (vendor OpenAPI descriptions)', () => {
  it('loads all five descriptions within a few seconds', () => {
    const start = performance.now();
    for (const vendor of VENDORS) vendorValidator(vendor);
    expect(performance.now() - start).toBeLessThan(8000);
  });

  describe('zendesk', () => {
    const base = 'https://acme.zendesk.com';
    it('prefers literal segments: users/search is SearchUsers, not ShowUser', () => {
      expect(
        validateRequest('zendesk', { method: 'GET', url: `${base}/api/v2/users/search.json?query=a%40b.nl` }),
      ).toEqual({
        ok: true,
        operationId: 'SearchUsers',
      });
      expect(validateRequest('zendesk', { method: 'GET', url: `${base}/api/v2/users/42` })).toEqual({
        ok: true,
        operationId: 'ShowUser',
      });
    });
    it('rejects a wrong path parameter type', () => {
      expect(errorsOf(validateRequest('zendesk', { method: 'GET', url: `${base}/api/v2/users/abc` }))).toEqual([
        'path parameter user_id: must be integer',
      ]);
    });
    it('requires ids on destroy_many and knows both steps of ticket erasure', () => {
      expect(
        errorsOf(validateRequest('zendesk', { method: 'DELETE', url: `${base}/api/v2/tickets/destroy_many` })),
      ).toEqual(['query parameter ids: required']);
      const soft = validateRequest('zendesk', { method: 'DELETE', url: `${base}/api/v2/tickets/destroy_many?ids=1,2` });
      const hard = validateRequest('zendesk', {
        method: 'DELETE',
        url: `${base}/api/v2/deleted_tickets/destroy_many?ids=1`,
      });
      expect([soft, hard]).toEqual([
        { ok: true, operationId: 'BulkDeleteTickets' },
        { ok: true, operationId: 'BulkPermanentlyDeleteTickets' },
      ]);
    });
    it('rejects the undocumented-in-the-file tickets/requested path and a wrong host', () => {
      expect(
        errorsOf(validateRequest('zendesk', { method: 'GET', url: `${base}/api/v2/users/1/tickets/requested` }))[0],
      ).toMatch(/unknown path/);
      expect(
        errorsOf(validateRequest('zendesk', { method: 'GET', url: 'https://acme.example.com/api/v2/users/1' }))[0],
      ).toMatch(/not under a zendesk server/);
    });
    it('rejects an unknown method and an unknown query parameter', () => {
      expect(errorsOf(validateRequest('zendesk', { method: 'PATCH', url: `${base}/api/v2/users/1` }))[0]).toMatch(
        /not allowed/,
      );
      expect(
        errorsOf(validateRequest('zendesk', { method: 'GET', url: `${base}/api/v2/search?query=x&qeury=y` })),
      ).toEqual(['query parameter qeury: not in the description']);
    });
    it('validates ticket update bodies, including nullable fields', () => {
      const ok = validateRequest('zendesk', {
        method: 'PUT',
        url: `${base}/api/v2/tickets/7`,
        headers: json,
        body: JSON.stringify({ ticket: { tags: ['privacy-keep'], due_at: null } }),
      });
      expect(ok).toEqual({ ok: true, operationId: 'UpdateTicket' });
      const bad = validateRequest('zendesk', {
        method: 'PUT',
        url: `${base}/api/v2/tickets/7`,
        body: { ticket: { tags: 'x' } },
      });
      expect(errorsOf(bad)).toEqual(['body/ticket/tags: must be array']);
    });
    it('accepts the tags body the description leaves out, and checks it', () => {
      const url = `${base}/api/v2/tickets/7/tags`;
      expect(validateRequest('zendesk', { method: 'PUT', url, body: { tags: ['privacy-keep'] } }).ok).toBe(true);
      expect(errorsOf(validateRequest('zendesk', { method: 'PUT', url, body: {} }))).toEqual(['body/tags: required']);
    });
  });

  describe('gmail', () => {
    const base = 'https://gmail.googleapis.com/gmail/v1/users/me';
    it('accepts list with q and batchDelete with ids', () => {
      expect(
        validateRequest('gmail', { method: 'GET', url: `${base}/messages?q=from%3Aa%40b.nl%20OR%20to%3Aa%40b.nl` }),
      ).toEqual({ ok: true, operationId: 'gmail.users.messages.list' });
      const del = validateRequest('gmail', {
        method: 'POST',
        url: `${base}/messages/batchDelete`,
        body: '{"ids":["a","b"]}',
      });
      expect(del).toEqual({ ok: true, operationId: 'gmail.users.messages.batchDelete' });
    });
    it('coerces and checks query parameters', () => {
      expect(
        validateRequest('gmail', { method: 'GET', url: `${base}/messages?maxResults=500&labelIds=A&labelIds=B` }).ok,
      ).toBe(true);
      expect(errorsOf(validateRequest('gmail', { method: 'GET', url: `${base}/messages?maxResults=lots` }))).toEqual([
        'query parameter maxResults: must be integer',
      ]);
      expect(errorsOf(validateRequest('gmail', { method: 'GET', url: `${base}/messages/m1?format=mime` }))[0]).toMatch(
        /query parameter format: must be equal to one of the allowed values/,
      );
    });
    it('rejects malformed and wrongly typed bodies', () => {
      const url = `${base}/messages/batchDelete`;
      expect(errorsOf(validateRequest('gmail', { method: 'POST', url, body: '{"ids":' }))).toEqual([
        'body: not valid JSON',
      ]);
      expect(errorsOf(validateRequest('gmail', { method: 'POST', url, body: { ids: 'a' } }))).toEqual([
        'body/ids: must be array',
      ]);
    });
  });

  describe('intercom', () => {
    it('validates search bodies (oneOf) and the version header', () => {
      const url = 'https://api.intercom.io/contacts/search';
      const body = { query: { field: 'email', operator: '=', value: 'a@b.nl' } };
      expect(validateRequest('intercom', { method: 'POST', url, headers: intercomHeaders, body })).toEqual({
        ok: true,
        operationId: 'SearchContacts',
      });
      expect(
        validateRequest('intercom', { method: 'POST', url, headers: intercomHeaders, body: { query: {} } }).ok,
      ).toBe(false);
      const badVersion = validateRequest('intercom', {
        method: 'POST',
        url,
        headers: { 'intercom-version': '0.1' },
        body,
      });
      expect(errorsOf(badVersion)[0]).toMatch(/header parameter Intercom-Version/);
    });
    it('accepts the EU host and rejects an unknown path', () => {
      expect(validateRequest('intercom', { method: 'DELETE', url: 'https://api.eu.intercom.io/contacts/abc' }).ok).toBe(
        true,
      );
      expect(
        validateRequest('intercom', { method: 'POST', url: 'https://api.intercom.io/user_delete_requests' }).ok,
      ).toBe(false);
    });
  });

  describe('front', () => {
    it('matches resource aliases and conversation deletion', () => {
      const alias = validateRequest('front', {
        method: 'GET',
        url: 'https://api2.frontapp.com/contacts/alt:email:a%40b.nl',
      });
      expect(alias).toEqual({ ok: true, operationId: 'get-contact' });
      expect(
        validateRequest('front', { method: 'DELETE', url: 'https://api2.frontapp.com/conversations/cnv_1' }).ok,
      ).toBe(true);
    });
    it('rejects a tag body without tag_ids', () => {
      const res = validateRequest('front', {
        method: 'POST',
        url: 'https://api2.frontapp.com/conversations/cnv_1/tags',
        body: {},
      });
      expect(errorsOf(res)).toEqual(['body/tag_ids: required']);
    });
  });

  describe('graph', () => {
    it('uses the /v1.0 base path', () => {
      const ok = validateRequest('graph', {
        method: 'GET',
        url: 'https://graph.microsoft.com/v1.0/users/me/messages?$top=10',
      });
      expect(ok).toEqual({ ok: true, operationId: 'users.ListMessages' });
      expect(validateRequest('graph', { method: 'GET', url: 'https://graph.microsoft.com/users/me/messages' }).ok).toBe(
        false,
      );
      expect(
        errorsOf(
          validateRequest('graph', { method: 'GET', url: 'https://graph.microsoft.com/v1.0/users/me/messages?$top=x' }),
        ),
      ).toEqual(['query parameter $top: must be integer']);
    });
  });
});
