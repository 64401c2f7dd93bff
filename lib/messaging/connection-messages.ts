import * as z from 'zod/mini';
import { text } from './schema-parts';

/** Dashboard → background: check that a connected tool answers with the stored credentials. */
export const connectionMessages = {
  'connections.test': {
    request: z.strictObject({ tool: text(1, 50) }),
    response: z.strictObject({ ok: z.boolean(), message: z.string() }),
  },
} as const;
