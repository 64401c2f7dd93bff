import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectors } from '../../../lib/connectors/registry';
import type { FoundItem, ItemKind, Role } from '../../../lib/connectors/types';

const kindsByTool: Record<string, ItemKind[]> = {
  zendesk: ['ticket', 'user'],
  freshdesk: ['ticket', 'contact'],
  helpscout: ['conversation', 'contact'],
  gmail: ['message'],
  outlook: ['message'],
  front: ['conversation', 'contact'],
  intercom: ['conversation', 'contact'],
  meta: ['manual'],
};

function foundFor(tool: string) {
  const kinds = kindsByTool[tool]!;
  return fc
    .uniqueArray(
      fc.record({
        kind: fc.constantFrom(...kinds),
        id: fc.integer({ min: 1, max: 400 }).map(String),
        role: fc.constantFrom<Role>('requester', 'cc', 'author', 'recipient', 'contact'),
        held: fc.boolean(),
      }),
      { selector: (i) => `${i.kind}:${i.id}`, maxLength: 350 },
    )
    .map((items) => ({
      tool,
      items: items.map((i): FoundItem => ({
        tool,
        ...i,
        held: i.kind === 'ticket' || i.kind === 'message' || i.kind === 'conversation' ? i.held : false,
      })),
    }));
}

describe('no plan ever contains a held item (property)', () => {
  it.each(Object.keys(connectors))('%s', (tool) => {
    fc.assert(
      fc.property(foundFor(tool), (found) => {
        const plan = connectors[tool]!.planErasure(found);
        const held = new Set(found.items.filter((i) => i.held).map((i) => `${i.kind}:${i.id}`));
        for (const step of plan.steps) for (const id of step.ids) expect(held.has(`${step.kind}:${id}`)).toBe(false);
        // Everything not held is either planned or (a record held items point to) kept.
        expect(plan.kept.filter((i) => i.held).length).toBe(held.size);
        for (const item of found.items.filter((i) => !i.held)) {
          const planned =
            plan.steps.some((s) => s.kind === item.kind && s.ids.includes(item.id)) ||
            plan.steps.some((s) => s.target === item.id);
          const kept =
            plan.kept.some((k) => k.kind === item.kind && k.id === item.id) ||
            plan.steps.some((s) => s.requiresNoHolds && s.ids.includes(item.id));
          expect(planned || kept).toBe(true);
        }
        for (const step of plan.steps)
          expect(step.ids.length).toBeLessThanOrEqual(Math.max(...Object.values(connectors[tool]!.limits.bulk), 1));
      }),
      { numRuns: 150 },
    );
  });
});
