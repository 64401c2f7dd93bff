/**
 * A connected account as the user sets it up: which tool, which account (Zendesk subdomain, Freshdesk
 * domain, mailbox), the account's data region (feeds the transfer flag) and the secret fields the
 * tool's auth needs. Kept in browser.storage.local (never in IndexedDB, never in logs or exports).
 */
import { z } from 'zod';

export const storedConnectionSchema = z
  .object({
    tool: z.string().min(1).max(50),
    account: z.string().min(1).max(200),
    region: z.string().max(20).optional(),
    /** Set for a stand-in or self-hosted base URL; normally derived from the account. */
    baseUrl: z.url().max(300).optional(),
    secret: z.record(z.string().max(50), z.string().max(4000)),
    connectedAt: z.number().int().nonnegative(),
  })
  .strict();

export type StoredConnection = z.infer<typeof storedConnectionSchema>;

/** The settings file a team shares to set up every agent's browser the same way. */
export const connectionsFileSchema = z
  .object({
    format: z.literal('privacydesk-connections'),
    version: z.literal(1),
    connections: z.array(storedConnectionSchema.omit({ connectedAt: true })).max(50),
  })
  .strict();

export type ConnectionsFile = z.infer<typeof connectionsFileSchema>;
