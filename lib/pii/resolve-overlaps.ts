import { SENTENCE_LEVEL_TYPES, type Finding } from './types';

const SENTENCE = new Set(SENTENCE_LEVEL_TYPES);

const better = (a: Finding, b: Finding) =>
  a.confidence !== b.confidence ? a.confidence > b.confidence : a.end - a.start > b.end - b.start;

/**
 * One finding per stretch of text: where entity findings overlap, the more confident (then the longer) wins,
 * so "NL91 ABNA 0417 1643 00" is an IBAN and not also a phone number inside it. Sentence-level findings
 * (special categories) sit on top of entities and are only de-duplicated.
 */
export function resolveOverlaps(findings: Finding[]): Finding[] {
  const entities: Finding[] = [];
  const sentenceLevel: Finding[] = [];
  for (const f of findings) (SENTENCE.has(f.type) ? sentenceLevel : entities).push(f);
  entities.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  // Sweep clusters of (transitively) overlapping findings; inside a cluster, pick greedily by priority.
  let i = 0;
  while (i < entities.length) {
    const cluster: Finding[] = [entities[i] as Finding];
    let end = (entities[i] as Finding).end;
    let j = i + 1;
    while (j < entities.length && (entities[j] as Finding).start < end) {
      cluster.push(entities[j] as Finding);
      end = Math.max(end, (entities[j] as Finding).end);
      j++;
    }
    if (cluster.length === 1) kept.push(cluster[0] as Finding);
    else {
      const chosen: Finding[] = [];
      for (const f of cluster.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))) {
        if (chosen.every((c) => c.end <= f.start || f.end <= c.start)) chosen.push(f);
      }
      kept.push(...chosen);
    }
    i = j;
  }
  const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end;
  if (sentenceLevel.length === 0) return kept.sort(byPosition);
  const seen = new Set<string>();
  const sentences = sentenceLevel.filter((f) => {
    const key = `${f.type}:${f.start}:${f.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...kept, ...sentences].sort(byPosition);
}
