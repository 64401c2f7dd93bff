/**
 * A dossier export as it is persisted between steps. It holds ids, statuses and counts only: the
 * collected personal data is never written to the job store (it lives in memory while the ZIP is
 * written), so a resumed export reads the tools again, which is safe because collecting only reads.
 */
import { z } from 'zod';
import { scopeSchema } from './dossier-schema';

export const exportToolStateSchema = z.object({
  tool: z.string(),
  status: z.enum(['pending', 'done', 'failed']),
  attempts: z.number().int().nonnegative(),
  records: z.number().int().nonnegative().default(0),
  error: z.string().optional(),
});

export const exportJobSchema = z.object({
  id: z.string(),
  kind: z.literal('export'),
  customerId: z.string(),
  /** The access or portability request this export answers; created when absent. */
  requestId: z.string().optional(),
  scope: scopeSchema,
  language: z.enum(['en', 'nl']),
  mask: z.boolean(),
  status: z.enum(['planned', 'collecting', 'writing', 'recording', 'done', 'failed']),
  tools: z.array(exportToolStateSchema),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Set once the ZIP is complete. */
  written: z.object({ bytes: z.number().int().nonnegative(), files: z.number().int().nonnegative() }).optional(),
  error: z.string().optional(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;
