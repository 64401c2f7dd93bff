import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EraseJobProgress } from '@/lib/erasure-bridge/erase-job-progress';
import { RegisterJobStore } from '@/lib/erasure-bridge/register-job-store';
import type { Job } from '@/lib/jobs/types';
import { freshRegister, T0 } from '../../unit/register/fresh-register';

afterEach(cleanup);

const step = (id: number, ids: string[], status: Job['steps'][number]['status'], erased: string[] = []) => ({
  id,
  toolIndex: id,
  spec: {
    tool: 'zendesk',
    action: 'tickets.destroy_many',
    ids,
    checkHolds: true,
    requiresNoHolds: false,
    permanence: 'permanent' as const,
    kind: 'ticket',
  },
  status,
  attempts: 1,
  erased,
  alreadyGone: [],
  pending: [],
  heldSkipped: [],
});

describe('EraseJobProgress (dashboard Jobs)', () => {
  it('shows per tool what is erased, left and kept, from the job’s register row', async () => {
    const db = freshRegister();
    const job: Job = {
      id: 'job-1',
      kind: 'erase',
      customerId: 'c1',
      identities: [{ kind: 'email', value: 'ana@example.com' }],
      status: 'running',
      createdAt: T0,
      updatedAt: T0,
      tools: ['zendesk'],
      notSearched: [],
      items: {
        zendesk: ['1', '2', '3', '4'].map((id) => ({ kind: 'ticket', id, role: 'requester' })),
      },
      held: { zendesk: ['ticket:4'] },
      steps: [step(0, ['1', '2'], 'done', ['1', '2']), step(1, ['3'], 'failed')],
      verification: { zendesk: { status: 'pending', rounds: 0, remaining: [] } },
      leftover: [],
    };
    await new RegisterJobStore(db).put(job);
    render(<EraseJobProgress row={(await db.jobs.get('job-1'))!} />);
    const line = within(screen.getByRole('list', { name: 'Per tool' })).getByRole('listitem');
    expect(line.textContent).toBe('Zendesk: 2 erased, 1 left, 1 kept — 1 steps failed');
  });

  it('shows nothing for jobs of other kinds', () => {
    const { container } = render(
      <EraseJobProgress
        row={{ id: 'e', kind: 'export', status: 'done', payload: {}, steps: [], createdAt: T0, updatedAt: T0 }}
      />,
    );
    expect(container.textContent).toBe('');
  });
});
