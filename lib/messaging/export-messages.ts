/**
 * "Export dossier" from the panel, spread into lib/messaging/protocol.ts: the panel asks the background
 * to open the dashboard for the customer on the page. The identities stay out of the dashboard's URL
 * (and so out of history): the background keeps them in session storage under a random token, the
 * URL carries the token only (`dashboard.html#export/<token>`), and the dashboard takes them once.
 */
import * as z from 'zod/mini';
import { text } from './schema-parts';

const token = z.uuid();

export const exportIdentitySchema = z.strictObject({
  kind: z.enum(['email', 'phone', 'handle']),
  value: text(1, 400),
  channel: z.optional(text(1, 50)),
});
export type ExportIdentity = z.infer<typeof exportIdentitySchema>;

export const exportMessages = {
  /** Opens the dashboard's export for the customer with these identities. */
  'export.open': {
    request: z.strictObject({ identities: z.array(exportIdentitySchema).check(z.minLength(1), z.maxLength(50)) }),
    response: z.strictObject({ ok: z.literal(true) }),
  },
  /** The dashboard takes the identities behind a token (once; none when unknown or already taken). */
  'export.take': {
    request: z.strictObject({ token }),
    response: z.strictObject({ identities: z.array(exportIdentitySchema).check(z.maxLength(50)) }),
  },
} as const;
