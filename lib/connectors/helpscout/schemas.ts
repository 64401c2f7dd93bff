/** The parts of Help Scout Mailbox API v2 answers we use (HAL: lists under `_embedded`). */
import { z } from 'zod';

const page = z.object({ number: z.number(), totalPages: z.number() }).optional();

export const customersSchema = z.object({
  _embedded: z.object({ customers: z.array(z.object({ id: z.number() }).passthrough()) }).optional(),
  page,
});

const person = z.object({ id: z.number().optional(), email: z.string().nullish() }).passthrough();
export const conversationSchema = z.object({
  id: z.number(),
  subject: z.string().nullish(),
  tags: z.array(z.object({ tag: z.string() }).passthrough()).default([]),
  primaryCustomer: person.optional(),
  cc: z.array(z.string()).nullish(),
  bcc: z.array(z.string()).nullish(),
  userUpdatedAt: z.string().nullish(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationsSchema = z.object({
  _embedded: z.object({ conversations: z.array(conversationSchema) }).optional(),
  page,
});

export const threadsSchema = z.object({
  _embedded: z.object({ threads: z.array(z.object({ id: z.number() }).passthrough()) }).optional(),
});
