import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging/messenger';
import { detectTexts, warmUpDetection } from '@/lib/panel/detect-texts';
import { encodeFindings } from '@/lib/panel/finding-codec';
import { getRegister } from '@/lib/register/db';
import { retentionForPanel } from './retention-item-dates';

/** Answers the panel's questions about the open conversation from the register, and detects its personal data. */
export function setUpPanelHandlers(): void {
  const db = getRegister();
  // Detection runs here, off the tool's page (the panel sends the message texts; nothing is stored).
  onMessage('panel.detect', ({ texts, hints }) => ({ findings: encodeFindings(detectTexts(texts, hints)) }));
  // A tool page opened: its panel will ask soon, so the engine warms up while the page loads. No data crosses.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== 'privacydesk.wake') return;
    void warmUpDetection().finally(() => port.disconnect());
  });
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
