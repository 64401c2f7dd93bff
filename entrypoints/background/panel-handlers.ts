import { onMessage } from '@/lib/messaging/messenger';
import { getRegister } from '@/lib/register/db';
import { retentionForPanel } from './retention-item-dates';

/** Answers the panel's questions about the open conversation from the register. */
export function setUpPanelHandlers(): void {
  const db = getRegister();
  onMessage('panel.conversationState', async ({ tool, conversationId, messageIds }) => {
    const keys = [[tool, 'conversation', conversationId], ...messageIds.map((id) => [tool, 'message', id])];
    const items = await db.items.where('[tool+kind+toolId]').anyOf(keys).toArray();
    const conversation = items.find((i) => i.kind === 'conversation');
    const held = items.filter((i) => i.kind === 'message' && i.held > 0).map((i) => i.toolId);
    return {
      // From the tool's own dates where known; else asks the connected tool briefly, else says "estimated".
      retention: await retentionForPanel(db, conversation),
      heldMessageIds: held,
    };
  });
}
