/**
 * A stand-in for lib/messaging/messenger in tests of the panel's register hooks: messages go straight to the real
 * handlers registered with `onMessage` (request and response parsed with the protocol, as between contexts).
 * Use with `vi.mock('@/lib/messaging/messenger', () => import('../register/register-messenger'))` and
 * `beforeAll(setUpRegisterHandlers)`.
 */
import { protocol, type MessageType } from '@/lib/messaging/protocol';
import { freshIndexedDb } from './fresh-register';

type Handler = (request: unknown, sender: unknown) => unknown;

export const handlers = new Map<string, Handler>();
/** The types of the messages sent, in order. */
export const sent: string[] = [];

export function onMessage(type: string, handler: Handler): () => void {
  handlers.set(type, handler);
  return () => handlers.delete(type);
}

export async function sendMessage(type: MessageType, request: unknown): Promise<unknown> {
  sent.push(type);
  const spec = protocol[type];
  return spec.response.parse(await handlers.get(type)!(spec.request.parse(request), {}));
}

/**
 * A fresh register behind the real register handlers. The open conversation's retention badge and holds are another
 * handler's business (it needs a runtime port): answered plainly here.
 */
export async function setUpRegisterHandlers(): Promise<void> {
  freshIndexedDb();
  const { setUpRegister } = await import('@/entrypoints/background/register-handlers');
  setUpRegister();
  handlers.set('panel.conversationState', () => ({ retention: null, heldMessageIds: [] }));
}
