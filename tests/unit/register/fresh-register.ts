import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { RegisterDb } from '@/lib/register/db';

/** A new, empty in-memory IndexedDB for each test (Dexie captures indexedDB at import). */
export function freshIndexedDb(): void {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
}

export function freshRegister(): RegisterDb {
  freshIndexedDb();
  return new RegisterDb('test-register');
}

export const T0 = Date.UTC(2026, 0, 31, 12);
export const DAY = 24 * 60 * 60 * 1000;

export function conversation(
  conversationId: string,
  identities: { kind: 'email' | 'phone' | 'handle'; value: string; channel?: string }[],
  extra: { name?: string; messages?: string[]; closedAt?: number; tool?: string } = {},
) {
  return {
    tool: extra.tool ?? 'zendesk',
    conversationId,
    url: `https://acme.zendesk.com/agent/tickets/${conversationId}`,
    ...(extra.closedAt !== undefined ? { closedAt: extra.closedAt } : {}),
    customer: { ...(extra.name ? { name: extra.name } : {}), identities },
    messages: (extra.messages ?? []).map((id) => ({ id, piiTypes: ['EMAIL'] })),
    piiTypes: ['EMAIL', 'PHONE'],
  };
}
