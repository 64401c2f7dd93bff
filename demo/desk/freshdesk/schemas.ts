/** Freshdesk API v2 request shapes from its public docs (developers.freshdesk.com/api), checked with zod. */
import { z } from 'zod';

const page = z.coerce.number().int().min(1).optional();
const perPage = z.coerce.number().int().min(1).max(100).optional();

export const contactsQuery = z.strictObject({
  email: z.email().optional(),
  mobile: z.string().optional(),
  phone: z.string().optional(),
  company_id: z.coerce.number().int().optional(),
  state: z.enum(['blocked', 'deleted', 'unverified', 'verified']).optional(),
  updated_since: z.iso.datetime().optional(),
  page,
  per_page: perPage,
});

export const searchQuery = z.strictObject({
  query: z.string().regex(/^".*"$/, 'query must be wrapped in double quotes'),
  page: z.coerce.number().int().min(1).max(10).optional(),
});

export const ticketsQuery = z.strictObject({
  filter: z.enum(['new_and_my_open', 'watching', 'spam', 'deleted']).optional(),
  requester_id: z.coerce.number().int().optional(),
  email: z.email().optional(),
  company_id: z.coerce.number().int().optional(),
  updated_since: z.iso.datetime().optional(),
  order_by: z.enum(['created_at', 'due_by', 'updated_at', 'status']).optional(),
  order_type: z.enum(['asc', 'desc']).optional(),
  include: z
    .string()
    .regex(/^(requester|stats|description)(,(requester|stats|description))*$/)
    .optional(),
  page,
  per_page: perPage,
});

export const ticketQuery = z.strictObject({
  include: z.enum(['conversations', 'requester', 'company', 'stats']).optional(),
});
export const listQuery = z.strictObject({ page, per_page: perPage });
export const hardDeleteQuery = z.strictObject({ force: z.enum(['true', 'false']).optional() });
export const updateTicketBody = z.strictObject({
  tags: z.array(z.string().min(1).max(32)).optional(),
  status: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).optional(),
});
export const bulkDeleteBody = z.strictObject({
  bulk_action: z.strictObject({ ids: z.array(z.number().int()).min(1).max(100) }),
});
