import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomerCard, IDENTITIES_SHOWN } from '@/components/panel/customer-card';
import { FindingsList } from '@/components/panel/findings-list';
import { MESSAGES_SHOWN, MessageHolds } from '@/components/panel/message-holds';
import { RetentionBadge } from '@/components/panel/retention-badge';
import { TransferNotice } from '@/components/panel/transfer-notice';
import { groupFindings, type LocatedFinding } from '@/lib/panel/group-findings';
import { assessTransfer } from '@/lib/transfers/assess';

const iso = (s: string) => s.slice(0, 10);
afterEach(cleanup);

const finding = (type: LocatedFinding['type'], value: string, messageId = 'm1'): LocatedFinding => ({
  type,
  value,
  start: 0,
  end: value.length,
  confidence: 0.9,
  messageId,
});

describe('FindingsList', () => {
  it('lists findings grouped by type with counts, masked, and calls out special categories', async () => {
    const onSelect = vi.fn();
    const groups = groupFindings([
      finding('EMAIL', 'marieke@example.nl'),
      finding('EMAIL', 'marieke@example.nl', 'm2'),
      finding('IBAN', 'NL91ABNA0417164300'),
      finding('HEALTH', 'Ik ben net geopereerd aan mijn knie.'),
    ]);
    render(<FindingsList groups={groups} mask={(e) => `${e.value.slice(0, 2)}•••`} onSelect={onSelect} />);
    const list = screen.getByRole('list', { name: 'Personal data on this page' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('data-pii-type'))).toEqual(['EMAIL', 'IBAN', 'HEALTH']);
    expect(items[0]?.textContent).toContain('ma•••');
    expect(items[0]?.textContent).not.toContain('marieke@example.nl');
    expect(items[0]?.textContent).toContain('×2');
    expect(screen.getByText(/Email addresses: 2/)).toBeTruthy();
    expect(screen.getByRole('note').textContent).toMatch(/Art\. 9/);
    await userEvent.click(within(items[1] as HTMLElement).getByRole('button'));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ type: 'IBAN' }));
  });

  it('says when it is still looking and when there is nothing', () => {
    const { rerender } = render(<FindingsList groups={null} mask={() => ''} onSelect={() => {}} />);
    expect(screen.getByText('Looking for personal data…')).toBeTruthy();
    rerender(<FindingsList groups={[]} mask={() => ''} onSelect={() => {}} />);
    expect(screen.getByText('No personal data found in this conversation.')).toBeTruthy();
  });
});

describe('CustomerCard', () => {
  it('carries the normalised primary email and what the register knows', () => {
    render(
      <CustomerCard
        customer={{ name: 'Marieke de Vries', emails: ['Marieke@Example.NL'], phones: ['+31612345678'], handles: [] }}
        summary={{ tools: 2, conversations: 5, forgottenOn: '2026-03-01T10:00:00Z' }}
        formatDate={iso}
      />,
    );
    const card = screen.getByRole('region', { name: 'Customer' });
    expect(card.getAttribute('data-customer-email')).toBe('marieke@example.nl');
    expect(card.textContent).toContain('In the register: 2 tools, 5 conversations');
    expect(card.textContent).toContain('+31612345678');
    expect(screen.getByRole('note').textContent).toBe('This customer was forgotten on 2026-03-01');
  });

  it('lists the first other identities of a long thread, all of them on request', async () => {
    const emails = Array.from({ length: 300 }, (_, i) => `klant${i}@example.nl`);
    const phones = Array.from({ length: 200 }, (_, i) => `+3161234${String(i).padStart(4, '0')}`);
    render(<CustomerCard customer={{ name: 'K', emails, phones, handles: [] }} summary={null} formatDate={iso} />);
    const card = screen.getByRole('region', { name: 'Customer' });
    expect(within(card).getAllByRole('listitem')).toHaveLength(IDENTITIES_SHOWN);
    await userEvent.click(within(card).getByRole('button', { name: 'Show all 499 identities' }));
    expect(within(card).getAllByRole('listitem')).toHaveLength(499);
    expect(card.textContent).toContain('+31612340199');
  });
});

describe('RetentionBadge', () => {
  it.each([
    ['ok', 'Retention: keep until 2027-01-01'],
    ['due', 'Retention: due since 2027-01-01'],
    ['overdue', 'Retention: overdue since 2027-01-01'],
  ] as const)('%s', (state, text) => {
    render(<RetentionBadge state={state} date="2027-01-01T00:00:00Z" formatDate={iso} />);
    const badge = screen.getByText(text);
    expect(badge.getAttribute('data-retention-state')).toBe(state);
    expect(badge.hasAttribute('data-retention-estimated')).toBe(false);
  });

  it('says when the date is an estimate rather than the tool’s own', () => {
    const { container } = render(<RetentionBadge state="due" date="2027-01-01T00:00:00Z" formatDate={iso} estimated />);
    const badge = container.querySelector('[data-retention-state="due"]');
    expect(badge?.getAttribute('data-retention-estimated')).toBe('true');
    expect(badge?.textContent).toMatch(
      /^Retention: due since 2027-01-01 \(estimated: counted from when it was last seen/,
    );
  });
});

describe('TransferNotice', () => {
  it('flags a conversation held in the US with its ground', () => {
    const { container } = render(<TransferNotice assessment={assessTransfer('meta')} locale="en" />);
    const flag = container.querySelector('[data-transfer="outside-eu"]');
    expect(flag?.textContent).toBe('Held outside the EU: United States — ground: EU–US Data Privacy Framework');
  });

  it('does not flag an EU-hosted account', () => {
    const { container } = render(<TransferNotice assessment={assessTransfer('zendesk', 'eu')} locale="en" />);
    expect(container.querySelector('[data-transfer="outside-eu"]')).toBeNull();
    expect(container.textContent).toContain('Held in the EU (Germany, Ireland)');
  });
});

describe('MessageHolds', () => {
  it('one "Keep this message" toggle per message, pressed when held', async () => {
    const onToggle = vi.fn();
    const messages = [
      { id: 'a', author: 'Marieke', fromCustomer: true, sentAt: '2026-01-02T10:00:00Z', text: 'x' },
      { id: 'b', author: 'Agent', fromCustomer: false, sentAt: null, text: 'y' },
    ];
    render(<MessageHolds messages={messages} held={new Set(['b'])} onToggle={onToggle} formatDate={iso} />);
    const toggles = screen.getAllByRole('button', { name: 'Keep this message' });
    expect(toggles.map((t) => t.getAttribute('aria-pressed'))).toEqual(['false', 'true']);
    await userEvent.click(toggles[0] as HTMLElement);
    expect(onToggle).toHaveBeenCalledWith(messages[0], true);
  });

  it('lists a first page of a long thread and every held message, the rest on request', async () => {
    const count = MESSAGES_SHOWN + 15;
    const messages = Array.from({ length: count }, (_, i) => ({
      id: `m${i}`,
      author: `Author ${i}`,
      fromCustomer: true,
      sentAt: null,
      text: 't',
    }));
    const held = new Set([`m${count - 1}`]);
    const { rerender } = render(
      <MessageHolds messages={messages} held={new Set()} onToggle={vi.fn()} formatDate={iso} />,
    );
    const toggles = () => screen.getAllByRole('button', { name: 'Keep this message' });
    // Nothing held: the first page, in thread order.
    expect(toggles()).toHaveLength(MESSAGES_SHOWN);
    const shownIds = () =>
      [...document.querySelectorAll('[data-message-id]')].map((li) => li.getAttribute('data-message-id'));
    expect(shownIds()).toEqual(messages.slice(0, MESSAGES_SHOWN).map((m) => m.id));
    rerender(<MessageHolds messages={messages} held={held} onToggle={vi.fn()} formatDate={iso} />);
    expect(toggles()).toHaveLength(MESSAGES_SHOWN + 1);
    expect(toggles().at(-1)?.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: `Show all ${count} messages` }));
    expect(toggles()).toHaveLength(count);
    expect(screen.queryByRole('button', { name: /^Show all/ })).toBeNull();
  });
});
