import { renderHook, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '@/lib/sites/site-adapter';
import { sent, setUpRegisterHandlers } from '../register/register-messenger';

// The panel's messages reach the real register handlers (request and response parsed with the protocol).
vi.mock('@/lib/messaging/messenger', () => import('../register/register-messenger'));

beforeAll(setUpRegisterHandlers);

const conversation: Conversation = {
  tool: 'zendesk',
  conversationId: '4711',
  url: 'https://acme.zendesk.com/agent/tickets/4711',
  subject: 'Order',
  customer: { name: 'Ana Jansen', emails: ['ana.jansen@example.nl'], phones: [], handles: [] },
  messages: [{ id: 'c1', author: 'Ana Jansen', fromCustomer: true, sentAt: null, text: 'Hello' }],
};

describe('after Forget, opening the customer’s ticket again', () => {
  it('shows “forgotten on” and does not register them anew', async () => {
    const { useRegister } = await import('@/lib/panel/use-register');
    const first = renderHook(() => useRegister(conversation, []));
    await waitFor(() => expect(first.result.current.summary?.customerId).toBeDefined());
    expect(first.result.current.summary!.forgottenOn).toBeUndefined();
    first.unmount();

    const { getRegister } = await import('@/lib/register/db');
    const { forgetCustomer } = await import('@/lib/register/forget-customer');
    const db = getRegister();
    await forgetCustomer(db, first.result.current.summary!.customerId!, {}, Date.UTC(2026, 10, 28, 12));
    expect(await db.customers.count()).toBe(0);

    sent.length = 0;
    const reload = renderHook(() => useRegister(conversation, []));
    await waitFor(() => expect(reload.result.current.summary?.forgottenOn).toBe(Date.UTC(2026, 10, 28, 12)));
    expect(sent).not.toContain('register.observe');
    expect(reload.result.current.summary!.customerId).toBeUndefined();
    expect(await db.customers.count()).toBe(0);
    expect(await db.identities.count()).toBe(0);
    // Unmounted before the test ends: no React work may be left for after the DOM environment is torn down.
    reload.unmount();
  });
});
