import { z } from 'zod';

/** Dashboard → background: check that a connected tool answers with the stored credentials. */
export const connectionMessages = {
  'connections.test': {
    request: z.object({ tool: z.string().min(1).max(50) }).strict(),
    response: z.object({ ok: z.boolean(), message: z.string() }).strict(),
  },
} as const;
