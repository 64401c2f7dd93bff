/** For tools without their own source yet: the conversations found, by role, without messages. */
import type { DossierSource } from './types';
import { isoOf } from './types';

const CONVERSATION_KINDS = new Set(['ticket', 'conversation', 'message']);

export const genericSource: DossierSource = async ({ tool, found }) => ({
  profiles: [],
  conversations: found.items
    .filter((i) => CONVERSATION_KINDS.has(i.kind))
    .map((i) => ({
      id: `${tool}:${i.id}`,
      tool,
      toolRecordId: i.id,
      subject: i.title,
      role: i.role,
      updatedAt: isoOf(i.updatedAt),
      held: i.held,
    })),
  messages: [],
  attachments: [],
});
