/** The parts of Gmail API answers we use. */
import { z } from 'zod';

export const listSchema = z.object({
  messages: z.array(z.object({ id: z.string(), threadId: z.string().optional() })).optional(),
  nextPageToken: z.string().optional(),
});
export const labelsSchema = z.object({ labels: z.array(z.object({ id: z.string(), name: z.string() })).optional() });
export const labelSchema = z.object({ id: z.string(), name: z.string() });
export const rawMessageSchema = z.object({ id: z.string(), raw: z.string().optional() }).passthrough();
/** `messages.get?format=minimal`: the id and the time Gmail received the message (ms since the epoch, as a string). */
export const minimalMessageSchema = z.object({ id: z.string(), internalDate: z.string().regex(/^\d+$/).optional() });
