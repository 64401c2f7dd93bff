/** Help Scout Mailbox API v2 request shapes from its public docs (developer.helpscout.com), checked with zod. */
import { z } from 'zod';

const page = z.coerce.number().int().min(1).optional();

export const customersQuery = z.strictObject({
  query: z
    .string()
    .regex(/^\(.*\)$/, 'query must be wrapped in parentheses, e.g. (email:"a@b.nl")')
    .optional(),
  page,
  sortField: z.enum(['score', 'firstName', 'lastName', 'modifiedAt']).optional(),
  sortOrder: z.enum(['asc', 'desc']).optional(),
  mailbox: z.coerce.number().int().optional(),
});

export const conversationsQuery = z.strictObject({
  query: z
    .string()
    .regex(/^\(.*\)$/, 'query must be wrapped in parentheses')
    .optional(),
  status: z.enum(['active', 'all', 'closed', 'open', 'pending', 'spam']).optional(),
  tag: z.string().optional(),
  mailbox: z.string().optional(),
  modifiedSince: z.iso.datetime().optional(),
  page,
  sortField: z
    .enum(['createdAt', 'customerEmail', 'mailboxid', 'modifiedAt', 'number', 'score', 'status', 'subject'])
    .optional(),
  sortOrder: z.enum(['asc', 'desc']).optional(),
  embed: z.literal('threads').optional(),
});

export const threadsQuery = z.strictObject({ page });
export const deleteCustomerQuery = z.strictObject({ async: z.enum(['true', 'false']).optional() });
export const tagsBody = z.strictObject({ tags: z.array(z.string().min(1)) });
export const tokenBody = z.strictObject({
  grant_type: z.literal('client_credentials'),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
});
