/** The parts of Zendesk's answers we use (zod, lenient about extra fields and Zendesk's nulls). */
import { z } from 'zod';

export const userSchema = z.object({ id: z.number(), email: z.string().nullish(), active: z.boolean().optional() });
export const usersSearchSchema = z.object({ users: z.array(userSchema) });

export const ticketSchema = z.object({
  id: z.number(),
  subject: z.string().nullish(),
  tags: z.array(z.string()).default([]),
  updated_at: z.string().nullish(),
  requester_id: z.number().nullish(),
  collaborator_ids: z.array(z.number()).nullish(),
  email_cc_ids: z.array(z.number()).nullish(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const searchExportSchema = z.object({
  results: z.array(ticketSchema),
  meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullish() }).optional(),
});

export const jobStatusSchema = z.object({
  job_status: z.object({
    id: z.string(),
    status: z.string().nullish(),
    results: z.array(z.object({ id: z.number(), success: z.boolean().optional() }).passthrough()).nullish(),
  }),
});
export type JobStatus = z.infer<typeof jobStatusSchema>['job_status'];

export const commentsSchema = z.object({
  comments: z.array(z.object({ id: z.number(), body: z.string().nullish() }).passthrough()),
  next_page: z.string().nullish(),
});

export const identitiesSchema = z.object({
  identities: z.array(z.object({ id: z.number(), type: z.string(), value: z.string().nullish() }).passthrough()),
});

export const ticketResponseSchema = z.object({ ticket: ticketSchema });
