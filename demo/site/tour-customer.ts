/**
 * Which seeded customer the tour shows: a Zendesk requester with no held ticket (so "Forget" can finish),
 * known in the most tools (so the plan spans several), preferring a refund ticket (IBAN, birth date in it)
 * and a customer who also has a Gmail thread. Also the oldest closed ticket, for the retention story.
 */
import { z } from 'zod';

const stateSchema = z.looseObject({
  zendesk: z.looseObject({
    tickets: z.array(
      z.looseObject({
        id: z.number(),
        subject: z.string(),
        requester: z.string().nullable(),
        tags: z.array(z.string()),
      }),
    ),
  }),
  gmail: z.looseObject({ messages: z.array(z.looseObject({ threadId: z.string(), from: z.string() })) }),
});

export interface TourCustomer {
  email: string;
  ticketId: number;
  /** The ticket asks for a refund: it holds an IBAN and a birth date. */
  refund: boolean;
  gmailThreadId?: string;
  /** Tools whose stand-in holds something about the customer. */
  tools: string[];
}

const TOOLS = ['zendesk', 'gmail', 'helpscout', 'freshdesk', 'front', 'intercom'] as const;

export function chooseTourCustomer(rawState: Record<string, unknown>): TourCustomer {
  const state = stateSchema.parse(rawState);
  const held = new Set(
    state.zendesk.tickets.filter((t) => t.tags.includes('privacy-keep')).map((t) => t.requester ?? ''),
  );
  const candidates: TourCustomer[] = [];
  for (const ticket of state.zendesk.tickets) {
    const email = ticket.requester;
    if (!email || held.has(email)) continue;
    const tools = TOOLS.filter((tool) => JSON.stringify(rawState[tool] ?? {}).includes(email));
    const thread = state.gmail.messages.find((m) => m.from.includes(`<${email}>`))?.threadId;
    const refund = /refund|terugbetaling/i.test(ticket.subject);
    const known = candidates.find((c) => c.email === email);
    if (known) {
      if (refund && !known.refund) Object.assign(known, { ticketId: ticket.id, refund });
      continue;
    }
    candidates.push({ email, ticketId: ticket.id, refund, gmailThreadId: thread, tools });
  }
  const score = (c: TourCustomer) => c.tools.length * 2 + (c.gmailThreadId ? 1 : 0) + (c.refund ? 3 : 0);
  const best = candidates.sort((a, b) => score(b) - score(a))[0];
  if (!best) throw new Error('the demo desk holds no Zendesk ticket to show');
  return best;
}

/** The Zendesk ticket closed longest ago (past any retention period in the seed), of another customer. */
export function oldestClosedTicket(rawState: Record<string, unknown>, except?: string): number | undefined {
  const tickets = z
    .array(
      z.looseObject({
        id: z.number(),
        status: z.string(),
        updated_at: z.string(),
        requester: z.string().nullable(),
        tags: z.array(z.string()).optional(),
      }),
    )
    .parse((rawState.zendesk as { tickets?: unknown } | undefined)?.tickets ?? []);
  return tickets
    .filter((t) => t.status === 'closed' && t.requester !== except && !t.tags?.includes('privacy-keep'))
    .sort((a, b) => a.updated_at.localeCompare(b.updated_at))[0]?.id;
}
