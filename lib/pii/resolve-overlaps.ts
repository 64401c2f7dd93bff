import { SENTENCE_LEVEL_TYPES, type Finding } from './types';

const SENTENCE = new Set(SENTENCE_LEVEL_TYPES);

const better = (a: Finding, b: Finding) =>
  a.confidence !== b.confidence ? a.confidence > b.confidence : a.end - a.start > b.end - b.start;
const byPriority = (a: Finding, b: Finding) => (better(a, b) ? -1 : better(b, a) ? 1 : 0);
const byStartLongestFirst = (a: Finding, b: Finding) => a.start - b.start || b.end - a.end;
const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end;

/** Whether `f` overlaps none of `chosen`. */
function overlapsNone(chosen: Finding[], f: Finding): boolean {
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k] as Finding;
    if (c.end > f.start && f.end > c.start) return false;
  }
  return true;
}

/** The greedy pick of a cluster of overlapping findings (by priority), appended to `kept` in position order. */
function pickCluster(cluster: Finding[], kept: Finding[]): void {
  cluster.sort(byPriority);
  const chosen: Finding[] = [];
  for (const f of cluster) if (overlapsNone(chosen, f)) chosen.push(f);
  chosen.sort(byPosition);
  for (const f of chosen) kept.push(f);
}

/**
 * Sentence-level findings without duplicates (same type and span), by position: a stable sort by position, then
 * each finding dropped whose type already appeared at the same span (the first one inserted comes first there).
 */
function uniqueSentences(sentenceLevel: Finding[]): Finding[] {
  sentenceLevel.sort(byPosition);
  const out: Finding[] = [];
  let group = 0;
  for (let k = 0; k < sentenceLevel.length; k++) {
    const f = sentenceLevel[k] as Finding;
    const g = out[group];
    if (g === undefined || g.start !== f.start || g.end !== f.end) group = out.length;
    else {
      let seen = false;
      for (let j = group; j < out.length && !seen; j++) seen = (out[j] as Finding).type === f.type;
      if (seen) continue;
    }
    out.push(f);
  }
  return out;
}

/**
 * One finding per stretch of text: where entity findings overlap, the more confident (then the longer) wins,
 * so "NL91 ABNA 0417 1643 00" is an IBAN and not also a phone number inside it. Sentence-level findings
 * (special categories) sit on top of entities and are only de-duplicated. Returned by position (start, then end).
 * Written to allocate little: no array per finding, no re-sort of the result (this runs on every text).
 */
export function resolveOverlaps(findings: Finding[]): Finding[] {
  const entities: Finding[] = [];
  const sentenceLevel: Finding[] = [];
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k] as Finding;
    (SENTENCE.has(f.type) ? sentenceLevel : entities).push(f);
  }
  // Each recognizer lists its findings in text order: the sort merges a few sorted runs.
  entities.sort(byStartLongestFirst);
  const kept: Finding[] = [];
  // Sweep clusters of (transitively) overlapping findings; inside a cluster, pick greedily by priority. Clusters
  // do not overlap each other, so `kept` stays in position order.
  let i = 0;
  while (i < entities.length) {
    const first = entities[i] as Finding;
    let end = first.end;
    let j = i + 1;
    while (j < entities.length && (entities[j] as Finding).start < end) {
      end = Math.max(end, (entities[j] as Finding).end);
      j++;
    }
    if (j === i + 1) kept.push(first);
    else if (j === i + 2) {
      // Two overlapping findings (most clusters): the better one, the first on a tie (as the stable sort gives).
      const second = entities[i + 1] as Finding;
      kept.push(better(second, first) ? second : first);
    } else pickCluster(entities.slice(i, j), kept);
    i = j;
  }
  if (sentenceLevel.length === 0) return kept;
  const sentences = uniqueSentences(sentenceLevel);
  // Merge the two ordered lists; on equal positions entities first (as a stable sort of both would give). One loop
  // for the merge and both tails: a separate tail loop that a long text reaches only late (most texts end on an
  // entity) ran code that had never run and threw away the compiled function.
  const out: Finding[] = [];
  let a = 0;
  let b = 0;
  while (a < kept.length || b < sentences.length) {
    const takeSentence =
      a >= kept.length || (b < sentences.length && byPosition(sentences[b] as Finding, kept[a] as Finding) < 0);
    if (takeSentence) out.push(sentences[b++] as Finding);
    else out.push(kept[a++] as Finding);
  }
  return out;
}
