/**
 * Retention presets and legal grounds for keeping. Policies are the register's own
 * `RetentionPolicy` rows (lib/register/schemas.ts), stored in its `policies` table; the presets
 * below are what the user starts from and edits (months only; tool, kind and basis are the preset's).
 */
import type { NewHold } from '../register/holds';
import type { RetentionPolicy } from '../register/schemas';
import { addMonths } from '../register/calendar';

/** Tools whose conversations are chat transcripts rather than tickets or email threads. */
export const CHAT_TOOLS = ['intercom', 'meta'] as const;

export const retentionPresets: readonly RetentionPolicy[] = [
  {
    id: 'closed-conversations',
    tool: '*',
    kind: 'conversation',
    months: 24,
    basis: 'closedAt',
    label: 'Closed tickets and conversations: 24 months',
  },
  ...CHAT_TOOLS.map((tool) => ({
    id: `chat-transcripts-${tool}`,
    tool,
    kind: 'conversation' as const,
    months: 12,
    basis: 'closedAt' as const,
    label: 'Chat transcripts: 12 months',
  })),
  { id: 'messages', tool: '*', kind: 'message', months: 24, basis: 'closedAt', label: 'Messages: 24 months' },
  { id: 'attachments', tool: '*', kind: 'attachment', months: 12, basis: 'closedAt', label: 'Attachments: 12 months' },
  {
    id: 'inactive-contacts',
    tool: '*',
    kind: 'contact',
    months: 24,
    basis: 'lastSeen',
    label: 'Contacts without activity: 24 months',
  },
];

export interface KeepGround {
  id: 'fiscal' | 'agreement' | 'legal-claim';
  /** Stored in the hold as its legal ground; shown as is (Dutch legal terms stay Dutch). */
  legalGround: string;
  /** How long the ground keeps an item, in months from when the hold is set; undefined: until released. */
  months?: number;
}

/** Legal grounds for keeping an item past its retention date; each becomes a hold's reason. */
export const keepGrounds: readonly KeepGround[] = [
  { id: 'fiscal', legalGround: 'fiscale bewaarplicht 7 jaar (art. 52 AWR)', months: 84 },
  { id: 'agreement', legalGround: 'agreement with the customer (GDPR Art. 6(1)(b))' },
  { id: 'legal-claim', legalGround: 'legal claims (GDPR Art. 17(3)(e))' },
];

/** The hold for a keep ground, ready for the register's addHold/setHold. */
export function holdFor(groundId: KeepGround['id'], reason: string, by: string, now: number): NewHold {
  const ground = keepGrounds.find((g) => g.id === groundId);
  if (!ground) throw new Error('Unknown keep ground');
  return {
    reason,
    legalGround: ground.legalGround,
    by,
    ...(ground.months !== undefined ? { until: addMonths(now, ground.months) } : {}),
  };
}

/** A user's edit of a policy's period: whole months, 1 to 1200 (the register's schema bounds). */
export function withMonths(policy: RetentionPolicy, months: number): RetentionPolicy {
  if (!Number.isInteger(months) || months < 1 || months > 1200) throw new Error('A period is 1 to 1200 whole months');
  // Preset labels end in their period ("…: 24 months"): keep the label true to the new period.
  return { ...policy, months, label: policy.label.replace(/: \d+ months$/, `: ${months} months`) };
}

/** Policies the user adds for one tool (a different period than the all-tools preset). */
export const TOOL_POLICY_PREFIX = 'tool:';

export function toolPolicy(tool: string, kind: RetentionPolicy['kind'], months: number): RetentionPolicy {
  if (tool === '*' || kind === '*') throw new Error('A tool policy names one tool and one kind of item');
  return withMonths(
    {
      id: `${TOOL_POLICY_PREFIX}${tool}:${kind}`,
      tool,
      kind,
      months: 1,
      basis: kind === 'contact' ? 'lastSeen' : 'closedAt',
      label: `${tool} ${kind}s: 1 months`,
    },
    months,
  );
}
