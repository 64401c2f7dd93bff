import { describe, expect, it } from 'vitest';
import { groupFindings, groupFindingsInSlices, type LocatedFinding } from '@/lib/panel/group-findings';

const finding = (type: LocatedFinding['type'], value: string, messageId: string): LocatedFinding => ({
  type,
  value,
  start: 0,
  end: value.length,
  confidence: 0.9,
  messageId,
});

const many: LocatedFinding[] = Array.from({ length: 1500 }, (_, i) =>
  i % 3 === 0
    ? finding('PHONE', `06 ${10_000_000 + (i % 40)}`, `m${i}`)
    : finding('EMAIL', `Person${i % 70}@Example.nl`, `m${i}`),
);

describe('groupFindingsInSlices', () => {
  it('groups exactly as groupFindings does, also when it yields between slices', async () => {
    let yields = 0;
    const sliced = await groupFindingsInSlices(many, { sliceMs: 0, yieldToPage: async () => void (yields += 1) });
    expect(yields).toBeGreaterThan(3);
    expect(sliced).toEqual(groupFindings(many));
    expect(sliced!.map((g) => [g.type, g.count, g.entries.length])).toEqual([
      ['EMAIL', 1000, 70],
      ['PHONE', 500, 40],
    ]);
  });

  it('stops when the result is no longer wanted', async () => {
    expect(await groupFindingsInSlices(many, { sliceMs: 0, yieldToPage: async () => {}, isCurrent: () => false })).toBe(
      null,
    );
  });
});
