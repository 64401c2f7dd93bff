import type { FoundItem } from '@/lib/connectors/types';

/** Tools whose keep mark sits on a single message (a label); the others mark the whole conversation (a tag). */
const MESSAGE_LEVEL = new Set(['gmail', 'outlook']);
const TICKET_TOOLS = new Set(['zendesk', 'freshdesk']);

/**
 * Where "Keep this message" is written in the tool itself, so every agent's browser and every erasure
 * plan sees it: Gmail and Outlook label the message; helpdesks tag the ticket or conversation that holds it.
 */
export function holdTarget(tool: string, conversationId: string, messageId: string): FoundItem | undefined {
  if (tool === 'meta' || tool === 'generic') return undefined;
  if (MESSAGE_LEVEL.has(tool)) return { tool, kind: 'message', id: messageId, role: 'author', held: true };
  return {
    tool,
    kind: TICKET_TOOLS.has(tool) ? 'ticket' : 'conversation',
    id: conversationId,
    role: 'requester',
    held: true,
  };
}

/** A conversation-level mark may only go when no other message in that conversation is still kept. */
export function mayRelease(tool: string, otherKeptInConversation: boolean): boolean {
  return MESSAGE_LEVEL.has(tool) || !otherKeptInConversation;
}
