import { beforeAll, describe, expect, it, vi } from 'vitest';
import { protocol, type MessageType, type ResponseOf } from '@/lib/messaging/protocol';
import { freshIndexedDb } from './fresh-register';

type Handler = (request: unknown, sender: unknown) => unknown;
const handlers = new Map<string, Handler>();

vi.mock('@/lib/messaging/messenger', () => ({
  onMessage: (type: string, handler: Handler) => {
    handlers.set(type, handler);
    return () => handlers.delete(type);
  },
}));

/** Calls a handler as the messenger would: request and response both parsed with the protocol's schemas. */
async function call<T extends MessageType>(type: T, request: unknown): Promise<ResponseOf<T>> {
  const spec = protocol[type];
  const handler = handlers.get(type);
  if (!handler) throw new Error(`no handler for ${type}`);
  return spec.response.parse(await handler(spec.request.parse(request), {})) as ResponseOf<T>;
}

beforeAll(async () => {
  freshIndexedDb();
  const { setUpRegister } = await import('@/entrypoints/background/register-handlers');
  setUpRegister();
});

const observed = {
  tool: 'gmail',
  conversationId: 'thread-1',
  url: 'https://mail.google.com/mail/u/0/#inbox/thread-1',
  customer: { name: 'Anna', identities: [{ kind: 'email', value: 'Anna@Example.nl' }] },
  messages: [{ id: 'msg-1', piiTypes: ['IBAN'] }],
  piiTypes: ['EMAIL', 'IBAN'],
};

describe('register messages in the background', () => {
  it('wires every register message of the protocol', () => {
    const registerTypes = Object.keys(protocol).filter((t) => t.startsWith('register.'));
    expect(registerTypes.sort()).toEqual([...handlers.keys()].sort());
  });

  it('observes a conversation, then answers the customer card and the keep toggle', async () => {
    const result = await call('register.observe', observed);
    expect(result.created).toBe(true);

    const summary = await call('register.customerSummary', {
      identities: [{ kind: 'email', value: 'anna@example.nl' }],
    });
    expect(summary).toMatchObject({ name: 'Anna', conversations: 1, tools: [{ tool: 'gmail', conversations: 1 }] });
    expect(summary.forgottenOn).toBeUndefined();

    const ref = { tool: 'gmail', kind: 'message', toolId: 'msg-1' };
    expect((await call('register.holdsFor', ref)).holds).toEqual([]);
    const held = await call('register.setHold', { ...ref, keep: true, legalGround: 'fiscale bewaarplicht 7 jaar' });
    expect(held.holds).toHaveLength(1);
    expect(held.holds[0]).toMatchObject({ legalGround: 'fiscale bewaarplicht 7 jaar' });
    expect((await call('register.holdsFor', ref)).holds).toHaveLength(1);
    expect((await call('register.setHold', { ...ref, keep: false })).holds).toEqual([]);
    expect((await call('register.holdsFor', { ...ref, toolId: 'unknown' })).holds).toEqual([]);
  });

  it('refuses message text in an observe request', () => {
    const withText = { ...observed, messages: [{ id: 'msg-1', piiTypes: [], text: 'secret' }] };
    expect(protocol['register.observe'].request.safeParse(withText).success).toBe(false);
  });
});
