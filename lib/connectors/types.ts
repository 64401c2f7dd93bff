/**
 * The shared vocabulary of connectors and jobs: who we look for (identities), what a tool holds of
 * them (found items, by role), and the steps that erase it. Steps carry ids only, never content.
 */
import { z } from 'zod';

export const identitySchema = z.object({
  kind: z.enum(['email', 'phone', 'handle']),
  value: z.string().min(1),
});
export type Identity = z.infer<typeof identitySchema>;

/** The customer's relation to an item. A mere mention in someone else's item is never a role. */
export type Role = 'requester' | 'cc' | 'author' | 'recipient' | 'contact';
export type ItemKind = 'ticket' | 'user' | 'contact' | 'message' | 'conversation' | 'attachment' | 'manual';

export interface FoundItem {
  tool: string;
  kind: ItemKind;
  id: string;
  role: Role;
  /** Marked keep (a `privacy-keep` tag or label in the tool). */
  held: boolean;
  /** Shown in the plan only (e.g. a subject); never persisted in a job. */
  title?: string;
  /** Creation or last-update time (ms), used by retention. */
  updatedAt?: number;
  /** Where an agent opens it in the tool (for steps done by hand). */
  url?: string;
}

export interface Found {
  tool: string;
  items: FoundItem[];
}

/** One unit of erasure work: one request (or one small group) against one tool. */
export const stepSpecSchema = z.object({
  tool: z.string(),
  action: z.string(),
  ids: z.array(z.string()),
  /** Re-read holds at the tool for these ids right before running. */
  checkHolds: z.boolean(),
  /** Skipped when anything of this tool is held (e.g. the user record that held tickets point to). */
  requiresNoHolds: z.boolean().default(false),
  /** Index (within this tool's steps) of a step that must be done first. */
  dependsOn: z.number().int().nonnegative().optional(),
  permanence: z.enum(['permanent', 'soft', 'manual']),
  /** Items this step erases, by kind, for the summary. */
  kind: z.string(),
  /** The record a step acts through, e.g. the Help Scout customer whose deletion takes their conversations. */
  target: z.string().optional(),
  /** Set by the runner when it calls eraseStep: ids of this step dropped because they are held now. */
  heldIds: z.array(z.string()).optional(),
});
export type StepSpec = z.infer<typeof stepSpecSchema>;

export interface ToolErasurePlan {
  tool: string;
  steps: StepSpec[];
  /** Items that stay because they are held. */
  kept: FoundItem[];
  /** Items that will go. */
  erase: FoundItem[];
  /** Said plainly in the dialog: how erasure works in this tool and when it becomes permanent. */
  permanenceNote: string;
  /** For tools with no delete API: what the agent must do by hand. */
  manual?: { deepLink: string; checklist: string[] };
}

export interface StepOutcome {
  /** Deleted by this request. */
  erased: string[];
  /** Already gone (a 404, verified). */
  alreadyGone: string[];
  /** Accepted by an asynchronous job at the tool; verification confirms later. */
  pending?: string[];
  /** Records the step decided to keep (e.g. a customer whose conversation became held). */
  kept?: { kind: string; id: string }[];
}

export interface VerifyResult {
  /** Ids that the tool still holds (or still holds in a recoverable trash, for two-stage erasure). */
  remaining: string[];
}
