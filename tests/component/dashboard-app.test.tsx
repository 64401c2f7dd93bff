import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DashboardApp } from '@/components/dashboard/dashboard-app';

describe('<DashboardApp>', () => {
  afterEach(cleanup);

  it('shows the UI contract headings in order', () => {
    render(<DashboardApp />);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Customers', 'Retention due', 'Jobs', 'Audit log', 'Transfers', 'Connections']);
  });

  it('renders a section body when given one', () => {
    render(<DashboardApp sections={{ jobs: <p>3 jobs running</p> }} />);
    expect(screen.getByRole('region', { name: 'Jobs' }).textContent).toContain('3 jobs running');
  });
});
