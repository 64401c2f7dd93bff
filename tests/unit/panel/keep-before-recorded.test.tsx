import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocatedFinding } from '@/lib/panel/group-findings';
import type { Conversation } from '@/lib/sites/site-adapter';
import { sent, setUpRegisterHandlers } from '../register/register-messenger';

// The panel's messages reach the real register handlers (request and response parsed with the protocol).
vi.mock('@/lib/messaging/messenger', () => import('../register/register-messenger'));

beforeAll(setUpRegisterHandlers);

const conversation: Conversation = {
  tool: 'freshdesk',
  conversationId: '90210',
  url: 'https://acme.freshdesk.com/a/tickets/90210',
  subject: 'Refund',
  customer: { name: 'Piet Bakker', emails: ['piet.bakker@example.nl'], phones: [], handles: [] },
  messages: [{ id: 'm1', author: 'Piet Bakker', fromCustomer: true, sentAt: null, text: 'Hallo' }],
};

describe('"Keep this message" pressed before the findings are complete', () => {
  it('waits until the register has recorded the conversation, then stores the hold', async () => {
    const { useRegister } = await import('@/lib/panel/use-register');
    const hook = renderHook(({ findings }) => useRegister(conversation, findings), {
      initialProps: { findings: null as LocatedFinding[] | null },
    });
    let stored = false;
    let failed: unknown = null;
    act(() => {
      hook.result.current.setKeep(conversation.messages[0]!, true).then(
        () => (stored = true),
        (error: unknown) => (failed = error),
      );
    });
    // Nothing recorded yet: the hold is not sent (it would fail: the item is not in the register).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).not.toContain('register.setHold');
    expect(stored).toBe(false);

    hook.rerender({ findings: [] });
    await waitFor(() => expect(stored).toBe(true));
    expect(failed).toBeNull();
    expect(sent.indexOf('register.observe')).toBeLessThan(sent.indexOf('register.setHold'));
    const { getRegister } = await import('@/lib/register/db');
    expect(await getRegister().holds.count()).toBe(1);
    hook.unmount();
  });
});
