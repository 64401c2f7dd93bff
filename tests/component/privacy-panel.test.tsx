import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PrivacyPanel } from '@/components/panel/privacy-panel';
import { usePanelUi } from '@/lib/panel/ui-store';

describe('<PrivacyPanel>', () => {
  beforeEach(() => usePanelUi.setState({ collapsed: false }));
  afterEach(cleanup);

  it('is the "Privacy panel" landmark and names the tool', () => {
    render(<PrivacyPanel toolLabel="Zendesk" connection="connected" />);
    expect(screen.getByRole('complementary', { name: 'Privacy panel' })).toBeTruthy();
    expect(screen.getByText('Tool: Zendesk')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Connected to PrivacyDesk');
  });

  it('collapses to a tab and expands again by keyboard', async () => {
    const user = userEvent.setup();
    const onWidthChange = vi.fn();
    render(<PrivacyPanel toolLabel="Gmail" connection="pending" onWidthChange={onWidthChange} />);
    expect(onWidthChange).toHaveBeenLastCalledWith(false);

    screen.getByRole('button', { name: 'Hide privacy panel' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('complementary')).toBeNull();
    const tab = screen.getByRole('button', { name: 'Show privacy panel' });
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(tab);
    expect(onWidthChange).toHaveBeenLastCalledWith(true);

    await user.keyboard('{Enter}');
    expect(screen.getByRole('complementary', { name: 'Privacy panel' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Hide privacy panel' }));
  });

  it('collapses on Escape', async () => {
    const user = userEvent.setup();
    render(<PrivacyPanel toolLabel="Gmail" connection="pending" />);
    screen.getByRole('button', { name: 'Hide privacy panel' }).focus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Show privacy panel' })).toBeTruthy();
  });

  it('says so when the background does not answer', () => {
    render(<PrivacyPanel toolLabel="Gmail" connection="disconnected" />);
    expect(screen.getByRole('alert').textContent).toMatch(/not answering/);
  });
});
