import { onMessage } from '@/lib/messaging/messenger';
import { customerSummary } from '@/lib/register/customer-summary';
import { getRegister } from '@/lib/register/db';
import { findItem, holdsFor, setHold } from '@/lib/register/holds';
import { observeConversation } from '@/lib/register/observe-conversation';
import { writeKeepMark } from './tool-holds';

/** The register's message handlers: the panel feeds it and reads the customer card and holds from it. */
export function setUpRegister(): void {
  const db = getRegister();

  onMessage('register.observe', (input) => observeConversation(db, input));

  onMessage('register.customerSummary', ({ identities }) => customerSummary(db, identities));

  onMessage(
    'register.setHold',
    async ({ keep, reason, legalGround, by, until, conversationId, otherKeptInConversation, ...ref }) => {
      const holds = await setHold(
        db,
        ref,
        keep
          ? {
              reason: reason ?? 'Kept from the privacy panel',
              legalGround: legalGround ?? '',
              by: by ?? 'agent',
              ...(until !== undefined ? { until } : {}),
            }
          : false,
      );
      const inTool =
        conversationId && ref.kind === 'message'
          ? await writeKeepMark(ref.tool, conversationId, ref.toolId, keep, otherKeptInConversation ?? false)
          : undefined;
      return { holds, ...(inTool ? { inTool } : {}) };
    },
  );

  onMessage('register.holdsFor', async ({ tool, kind, toolId }) => {
    const item = await findItem(db, tool, kind, toolId);
    return { holds: item ? await holdsFor(db, item.id) : [] };
  });
}
