import { describe, expect, it } from 'vitest';
import { connectors } from '../../lib/connectors/registry';
import { deskRun, SEED_NOW, unheldSubjects } from './desk-harness';

describe('export (collect) and retention (listExpired) requests against the demo desk', () => {
  it.each(unheldSubjects().map((s) => [s.tool, s] as const))(
    '%s: collects every item and lists expired ones with zero violations',
    async (tool, s) => {
      const { desk, service } = deskRun();
      const connector = connectors[tool]!;
      const ctx = await service.contexts.context(tool);
      const identities = [{ kind: 'email' as const, value: s.email }];
      const found = await connector.find(ctx, identities);
      const records = await connector.collect(ctx, found);
      expect(records.length).toBeGreaterThan(0);
      const expired = await connector.listExpired(ctx, identities, SEED_NOW + 86_400_000);
      const ids = new Set(found.items.map((i) => i.id));
      for (const item of expired) expect(ids.has(item.id)).toBe(true);
      const none = await connector.listExpired(ctx, identities, Date.UTC(2000, 0, 1));
      expect(none).toEqual([]);
      expect(desk.violations).toEqual([]);
    },
  );

  it('gmail: expired messages carry the date Gmail received them (retention counts from the tool, not the panel)', async () => {
    const s = unheldSubjects().find((x) => x.tool === 'gmail')!;
    const { desk, service } = deskRun();
    const ctx = await service.contexts.context('gmail');
    const before = SEED_NOW + 86_400_000;
    const expired = await connectors.gmail!.listExpired(ctx, [{ kind: 'email', value: s.email }], before);
    expect(expired.length).toBeGreaterThan(0);
    for (const item of expired) {
      expect(item.updatedAt).toBeTypeOf('number');
      expect(item.updatedAt!).toBeLessThan(before);
    }
    expect(desk.violations).toEqual([]);
  });
});
