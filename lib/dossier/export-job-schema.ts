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
  /**
   * planned → collecting → writing → saving (the browser's download, until its file is on disk) →
   * recording → done. `not-saved`: the download was cancelled or interrupted, the request stays open.
   */
  status: z.enum(['planned', 'collecting', 'writing', 'saving', 'recording', 'done', 'failed', 'not-saved']),
  tools: z.array(exportToolStateSchema),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Set once the ZIP is complete. */
  written: z.object({ bytes: z.number().int().nonnegative(), files: z.number().int().nonnegative() }).optional(),
  /** The browser's download of the ZIP, while it is being saved (a resumed job asks whether it completed). */
  downloadId: z.number().int().optional(),
  /** How often the job was started again after an interruption (tab closed, browser restarted). */
  resumed: z.number().int().nonnegative().default(0),
  error: z.string().optional(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;
