import { onMessage } from '@/lib/messaging/messenger';
import { getRegister } from '@/lib/register/db';
import { dueState } from '@/lib/retention/due-state';

/** Answers the panel's questions about the open conversation from the register. */
export function setUpPanelHandlers(): void {
  const db = getRegister();
  onMessage('panel.conversationState', async ({ tool, conversationId, messageIds }) => {
    const keys = [[tool, 'conversation', conversationId], ...messageIds.map((id) => [tool, 'message', id])];
    const items = await db.items.where('[tool+kind+toolId]').anyOf(keys).toArray();
    const conversation = items.find((i) => i.kind === 'conversation');
    const held = items.filter((i) => i.kind === 'message' && i.held > 0).map((i) => i.toolId);
    const dueAt = conversation && conversation.held === 0 ? conversation.retentionDueAt : undefined;
    return {
      retention: dueAt === undefined ? null : { state: dueState(dueAt, Date.now()), dueAt },
      heldMessageIds: held,
    };
  });
}
