/** Groups the engine's findings for the panel: per type (in the engine's order), same values once. */
import { PII_TYPES, SENTENCE_LEVEL_TYPES, type Finding, type PiiType } from '@/lib/pii/types';
import { yieldToPage as defaultYield } from '@/lib/sites/yield-to-page';

/** A finding located in one message of the conversation. */
export interface LocatedFinding extends Finding {
  messageId: string;
}

export interface FindingEntry {
  /** Stable key: type + value. */
  key: string;
  type: PiiType;
  value: string;
  /** Every place it occurs, in message order. */
  occurrences: LocatedFinding[];
}

export interface FindingGroup {
  type: PiiType;
  specialCategory: boolean;
  /** Number of occurrences in the conversation. */
  count: number;
  entries: FindingEntry[];
}

const order = new Map<PiiType, number>(PII_TYPES.map((t, i) => [t, i]));
const sentenceLevel = new Set<PiiType>(SENTENCE_LEVEL_TYPES);

export function groupFindings(findings: readonly LocatedFinding[]): FindingGroup[] {
  const grouping = startGrouping();
  grouping.add(findings, 0, findings.length);
  return grouping.groups();
}

/**
 * The same grouping in slices (yielding every `sliceMs`): a long thread's thousands of findings took one task of
 * ~50 ms on a loaded machine (`npm run bench:page`). Null when `isCurrent` says the result is no longer wanted.
 */
export async function groupFindingsInSlices(
  findings: readonly LocatedFinding[],
  options: { sliceMs?: number; yieldToPage?: () => Promise<void>; isCurrent?: () => boolean } = {},
): Promise<FindingGroup[] | null> {
  const sliceMs = options.sliceMs ?? 8;
  const yieldToPage = options.yieldToPage ?? defaultYield;
  const grouping = startGrouping();
  const STEP = 200;
  let sliceStart = performance.now();
  for (let from = 0; from < findings.length; from += STEP) {
    grouping.add(findings, from, Math.min(findings.length, from + STEP));
    if (performance.now() - sliceStart >= sliceMs && from + STEP < findings.length) {
      await yieldToPage();
      if (options.isCurrent && !options.isCurrent()) return null;
      sliceStart = performance.now();
    }
  }
  return grouping.groups();
}

function startGrouping() {
  const groups = new Map<PiiType, FindingGroup>();
  // Entries by key across groups (the key starts with the type): a long thread holds thousands of values.
  const entries = new Map<string, FindingEntry>();
  return {
    add(findings: readonly LocatedFinding[], from: number, to: number): void {
      for (let i = from; i < to; i++) {
        const finding = findings[i]!;
        let group = groups.get(finding.type);
        if (!group) {
          group = { type: finding.type, specialCategory: sentenceLevel.has(finding.type), count: 0, entries: [] };
          groups.set(finding.type, group);
        }
        group.count += 1;
        const key = `${finding.type}:${finding.value.toLowerCase().replace(/\s+/g, ' ').trim()}`;
        const entry = entries.get(key);
        if (entry) entry.occurrences.push(finding);
        else {
          const created = { key, type: finding.type, value: finding.value, occurrences: [finding] };
          entries.set(key, created);
          group.entries.push(created);
        }
      }
    },
    groups: (): FindingGroup[] =>
      [...groups.values()].sort((a, b) => (order.get(a.type) ?? 99) - (order.get(b.type) ?? 99)),
  };
}
