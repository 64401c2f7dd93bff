/** The parts of Gmail API answers we use. */
import { z } from 'zod';

export const listSchema = z.object({
  messages: z.array(z.object({ id: z.string(), threadId: z.string().optional() })).optional(),
  nextPageToken: z.string().optional(),
});
export const labelsSchema = z.object({ labels: z.array(z.object({ id: z.string(), name: z.string() })).optional() });
export const labelSchema = z.object({ id: z.string(), name: z.string() });
export const rawMessageSchema = z.object({ id: z.string(), raw: z.string().optional() }).passthrough();
