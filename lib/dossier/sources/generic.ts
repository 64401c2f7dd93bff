/** For tools without their own source yet: the conversations found, by role, without messages. */
import type { DossierSource } from './types';
import { conversationsOf } from './types';

export const genericSource: DossierSource = async ({ tool, found }) => ({
  profiles: [],
  conversations: conversationsOf(tool, found, ['ticket', 'conversation', 'message']),
  messages: [],
  attachments: [],
});
