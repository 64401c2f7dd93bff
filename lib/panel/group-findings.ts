/** Groups the engine's findings for the panel: per type (in the engine's order), same values once. */
import { PII_TYPES, SENTENCE_LEVEL_TYPES, type Finding, type PiiType } from '@/lib/pii/types';

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
  const groups = new Map<PiiType, FindingGroup>();
  // Entries by key across groups (the key starts with the type): a long thread holds thousands of values.
  const entries = new Map<string, FindingEntry>();
  for (const finding of findings) {
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
  return [...groups.values()].sort((a, b) => (order.get(a.type) ?? 99) - (order.get(b.type) ?? 99));
}
