import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { RegisterDb } from '@/lib/register/db';
import { observeConversation } from '@/lib/register/observe-conversation';

export const NOW = Date.UTC(2026, 10, 28, 12);
export const DAY = 86_400_000;
export const YEAR = 365 * DAY;

export function freshRegister(): RegisterDb {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  return new RegisterDb('retention-test');
}

export async function seedTicket(
  db: RegisterDb,
  id: string,
  email: string,
  closedAt: number,
  messages: string[] = [],
): Promise<string> {
  const result = await observeConversation(
    db,
    {
      tool: 'zendesk',
      conversationId: id,
      url: `https://acme.zendesk.com/agent/tickets/${id}`,
      closedAt,
      customer: { identities: [{ kind: 'email', value: email }] },
      messages: messages.map((m) => ({ id: m, piiTypes: ['EMAIL'] })),
      piiTypes: ['EMAIL'],
    },
    NOW,
  );
  return result.customerId;
}
