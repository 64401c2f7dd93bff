/** Connectors name items in their tool's words (a Zendesk `ticket`); the register in its own. */
import type { ItemKind } from '../register/schemas';
import type { FoundItem } from '../connectors/types';

const toRegister: Record<FoundItem['kind'], ItemKind | undefined> = {
  ticket: 'conversation',
  conversation: 'conversation',
  message: 'message',
  user: 'contact',
  contact: 'contact',
  attachment: 'attachment',
  manual: undefined,
};

export function registerKindOf(kind: FoundItem['kind']): ItemKind | undefined {
  return toRegister[kind];
}
