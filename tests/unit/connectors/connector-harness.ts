/**
 * Per-connector tests run the connector against its demo-desk stand-in (in-process) with a small seed:
 * Ana has her own conversations, is CC'd on one of Bob's, and is merely mentioned in the text of another of
 * Bob's. Finding must go by role (requester, CC, author, contact), never by the mention.
 */
import { createDesk, type SeedConversation, type SeedData, type ToolId } from '../../../demo/desk';
import { VirtualClock } from '../../../lib/connectors/clock';
import type { FetchLike } from '../../../lib/connectors/http';
import { connectors } from '../../../lib/connectors/registry';
import { ToolContexts } from '../../../lib/jobs/tool-contexts';
import { deskConnection } from '../../../scripts/erase/desk-connections';

export const ANA = 'ana.jansen@example.nl';
export const BOB = 'bob.smit@example.nl';
const NOW = Date.UTC(2026, 10, 28, 12);

function conversation(
  tool: ToolId,
  customerEmail: string,
  subject: string,
  extra: Partial<SeedConversation> = {},
): SeedConversation {
  const at = NOW - 40 * 86_400_000;
  return {
    tool,
    customerEmail,
    ccEmails: [],
    subject,
    status: 'closed',
    createdAt: at,
    updatedAt: at,
    held: false,
    messages: [
      {
        fromCustomer: true,
        authorName: customerEmail,
        authorEmail: customerEmail,
        body: `About ${subject}`,
        at,
        attachments: [],
      },
    ],
    ...extra,
  };
}

/** CCs travel on the agent's reply (as in the tools). */
function withAgentReply(conv: SeedConversation): SeedConversation {
  const at = conv.createdAt + 3_600_000;
  conv.messages.push({
    fromCustomer: false,
    authorName: 'Agent',
    authorEmail: 'support@acme.example',
    body: 'Thanks, we are on it.',
    at,
    attachments: [],
  });
  return conv;
}

export function roleSeed(tool: ToolId, opts: { ccSupported?: boolean } = {}): SeedData {
  const mention = conversation(tool, BOB, 'Bob asks about a friend');
  mention.messages[0]!.body = `My friend ${ANA} said you could help.`;
  return {
    now: NOW,
    customers: [
      { name: 'Ana Jansen', email: ANA, lang: 'nl' },
      { name: 'Bob Smit', email: BOB, lang: 'en' },
    ],
    conversations: [
      conversation(tool, ANA, 'Ana order 1'),
      conversation(tool, ANA, 'Ana invoice', { held: true }),
      conversation(tool, ANA, 'Ana order 2'),
      ...(opts.ccSupported === false
        ? []
        : [withAgentReply(conversation(tool, BOB, 'Bob with Ana in copy', { ccEmails: [ANA] }))]),
      mention,
    ],
  };
}

export function connectorRun(tool: ToolId, seed: SeedData) {
  const clock = new VirtualClock(NOW);
  const desk = createDesk({ seed, now: () => clock.now() });
  const contexts = new ToolContexts({
    connectors,
    connection: deskConnection,
    fetch: desk.deskFetch as FetchLike,
    clock,
  });
  const connector = connectors[tool]!;
  return { clock, desk, connector, ctx: () => contexts.context(tool) };
}

export const ana = [{ kind: 'email' as const, value: ANA }];
