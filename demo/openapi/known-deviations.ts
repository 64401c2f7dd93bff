/**
 * Where the vendor descriptions differ from the live APIs we talk to, and what the validator does about it.
 * Keep this short and commented; every entry is a deliberate, documented exception.
 */
import type { Vendor } from './spec-store';

/**
 * Server URLs used instead of the description's `servers`.
 * - Zendesk: the file says `https://{subdomain}.{domain}.com` with domain defaulting to "zendesk"; the live
 *   API is only ever `{subdomain}.zendesk.com`.
 */
export const SERVER_OVERRIDES: Partial<Record<Vendor, string[]>> = {
  zendesk: ['https://{subdomain}.zendesk.com'],
};

/**
 * Zendesk accepts every endpoint with a `.json` suffix (`/api/v2/users/search.json`) and documents it that
 * way; the description has the paths without it. The suffix is stripped before matching.
 */
export const STRIP_JSON_SUFFIX: Partial<Record<Vendor, boolean>> = { zendesk: true };

/**
 * Query parameters every endpoint of the tool accepts although the description lists them only on some:
 * - Zendesk offset and cursor pagination (`page`, `per_page`, `page[size]`, `page[after]`, `page[before]`)
 *   apply to every list endpoint (developer.zendesk.com "Pagination").
 */
export const GLOBAL_QUERY_PARAMS: Partial<Record<Vendor, string[]>> = {
  zendesk: ['page', 'per_page', 'page[size]', 'page[after]', 'page[before]'],
};

/**
 * Request bodies the live API takes but the description leaves out (the operation has no requestBody):
 * - Zendesk Set/Add/Remove Tags on a ticket take `{ "tags": [...] }` (developer.zendesk.com "Tags").
 */
const TAGS_BODY = {
  type: 'object',
  required: ['tags'],
  properties: { tags: { type: 'array', items: { type: 'string' } } },
  additionalProperties: false,
};
export const UNDESCRIBED_BODIES: Partial<Record<Vendor, Record<string, object>>> = {
  zendesk: { SetTagsTicket: TAGS_BODY, PutTagsTicket: TAGS_BODY, DeleteTagsTicket: TAGS_BODY },
};

/**
 * Endpoints the live API has but the description lacks. The validator still rejects them (an unknown path is
 * an error); the connectors use the documented alternative instead:
 * - Zendesk `GET /api/v2/users/{id}/tickets/requested` and `/ccd`: use `GET /api/v2/search` with
 *   `type:ticket requester:<email>` / `cc:<email>`, which is in the description.
 * - Intercom's older "permanently delete a user" request endpoint is not in 2.14: `DELETE /contacts/{id}`.
 *
 * Response-side differences (not validated here; for stand-ins that want to mirror them):
 * - Zendesk returns `null` for a ticket's organization_id, assignee_id, type, priority, … where the
 *   description says integer/string without `nullable`.
 */
export const MISSING_ENDPOINTS = [
  'zendesk GET /api/v2/users/{user_id}/tickets/requested',
  'zendesk GET /api/v2/users/{user_id}/tickets/ccd',
  'intercom POST /user_delete_requests',
] as const;
