/**
 * "Export dossier" from the panel, spread into lib/messaging/protocol.ts: the panel asks the background
 * to open the dashboard for the customer on the page. The identities stay out of the dashboard's URL
 * (and so out of history): the background keeps them in session storage under a random token, the
 * URL carries the token only (`dashboard.html#export/<token>`), and the dashboard takes them once.
 */
import { z } from 'zod';

const token = z.uuid();

export const exportIdentitySchema = z
  .object({
    kind: z.enum(['email', 'phone', 'handle']),
    value: z.string().min(1).max(400),
    channel: z.string().min(1).max(50).optional(),
  })
  .strict();
export type ExportIdentity = z.infer<typeof exportIdentitySchema>;

export const exportMessages = {
  /** Opens the dashboard's export for the customer with these identities. */
  'export.open': {
    request: z.object({ identities: z.array(exportIdentitySchema).min(1).max(50) }).strict(),
    response: z.object({ ok: z.literal(true) }).strict(),
  },
  /** The dashboard takes the identities behind a token (once; none when unknown or already taken). */
  'export.take': {
    request: z.object({ token }).strict(),
    response: z.object({ identities: z.array(exportIdentitySchema).max(50) }).strict(),
  },
} as const;
