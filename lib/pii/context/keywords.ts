/**
 * One shared pass for every context word of every recognizer (phone words, look-alike words, greetings,
 * birth words, special-category words …). Hand-written because the engine used to run a dozen word-list
 * regular expressions over the whole (lower-cased) text, and one regular expression of all ~700 words tries
 * them one after another at each position. Here a trie of the lower-cased words is walked from each token
 * start (the table is built in keyword-table.ts); every word passed on the way is a hit for the lists that hold
 * it. The same pass records the runs of digits.
 */
import { isWordCode } from './boundary';
import type { DigitRuns } from './digit-runs';
import { classOf, mayStartWord, table, type Flat } from './keyword-table';

export { defineWords, type WordEnd } from './keyword-table';

/** Hits of one list: start and end offsets, sorted by start. */
export interface ListHits {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}
/** The hits as the pass collects them. */
interface Collecting {
  starts: number[];
  ends: number[];
}
/**
 * Every list without hits shares this one (never written to: a list gets its own arrays at its first hit). Most
 * texts are single messages that hit a few of the ~30 lists, and allocating two arrays per list for every text
 * was most of the time the engine spent on such a text.
 */
const NO_HITS: Collecting = { starts: [], ends: [] };

/** isWordCode as a table (2 for the digits 0–9, 1 for the other word characters): this loop runs for every character of the text. */
const WORD_TABLE = new Uint8Array(0x10000);
for (let c = 0; c < WORD_TABLE.length; c++) WORD_TABLE[c] = c >= 48 && c <= 57 ? 2 : isWordCode(c) ? 1 : 0;
const isLetterCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x250);

function endCodeOk(text: string, at: number, end: number): boolean {
  if (end === 0 || at >= text.length) return true;
  const c = text.charCodeAt(at);
  return end === 1 ? WORD_TABLE[c] === 0 : !isLetterCode(c);
}

/** Hits of every word starting at token start `i`. Kept out of the scan loop so that loop stays optimised. */
function walk(text: string, i: number, hits: Collecting[], f: Flat): void {
  const n = text.length;
  const { classes, next, entryFrom, entryList, entryEnd } = f;
  const low = f.classOf;
  let node = next[classOf(f, text.charCodeAt(i))] as number;
  let j = i + 1;
  while (node > 0) {
    let e = entryFrom[node] as number;
    const last = entryFrom[node + 1] as number;
    for (; e < last; e++) {
      if (!endCodeOk(text, j, entryEnd[e] as number)) continue;
      const list = entryList[e] as number;
      let h = hits[list] as Collecting;
      if (h === NO_HITS) {
        h = { starts: [], ends: [] };
        hits[list] = h;
      }
      h.starts.push(i);
      h.ends.push(j);
    }
    if (j >= n) break;
    const c = text.charCodeAt(j++);
    // Most characters are below 0x250: their class is read from the table without a call.
    const k = c < 0x250 ? (low[c] as number) : classOf(f, c);
    if (k === 0) break;
    node = next[node * classes + k] as number;
  }
}

/** Offsets of the runs of digits of the text being scanned; grown as needed, copied out at the end of a scan. */
let runBuffer = new Int32Array(4096);

/**
 * Walks the trie from every token start; also records the runs of digits (see digit-runs.ts) in `runBuffer` and
 * returns how many offsets it wrote. Nothing follows the loop: V8 compiles the loop during the first long text,
 * before code after it has run, and that compiled code then bailed out after the loop on every call.
 */
function scan(text: string, hits: Collecting[], f: Flat): number {
  // Code units below 0x250 that start some word (the root has a transition for them); digits never do.
  const { classOf, next } = f;
  let prev = 0;
  let runStart = 0;
  let count = 0;
  const n = text.length;
  // One step past the end (read as a space) closes a run of digits at the end inside the loop.
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    const kind = WORD_TABLE[c] as number;
    if (kind === prev) continue;
    if (prev === 2) {
      if (count + 2 > runBuffer.length) {
        const bigger = new Int32Array(runBuffer.length * 2);
        bigger.set(runBuffer);
        runBuffer = bigger;
      }
      runBuffer[count++] = runStart;
      runBuffer[count++] = i;
    }
    if (kind === 2) runStart = i;
    else if (kind === 1) {
      if (prev === 0 && (c >= 0x250 || (next[classOf[c] as number] as number) > 0) && mayStartWord(text, i, c))
        walk(text, i, hits, f);
      // The rest of the word in a tighter loop (most characters are letters inside a word).
      while (i + 1 < n && WORD_TABLE[text.charCodeAt(i + 1)] === 1) i++;
    }
    prev = kind;
  }
  return count;
}

export class Keywords {
  private readonly hits: ListHits[];
  /** The runs of digits, found in the same pass (scan.digitRuns). */
  readonly digitRuns: DigitRuns;

  constructor(readonly text: string) {
    const f = table();
    const hits: Collecting[] = [];
    for (let k = 0; k < f.lists; k++) hits.push(NO_HITS);
    const count = scan(text, hits, f); // may replace runBuffer with a bigger one: read it after
    // Copied out into a plain array: slicing the typed buffer made an ArrayBuffer per text (~1 µs plus the
    // collector's bookkeeping), which on single messages cost more than finding the runs.
    const runs: number[] = [];
    for (let k = 0; k < count; k++) runs.push(runBuffer[k] as number);
    this.digitRuns = runs;
    this.hits = hits;
  }

  list(id: number): ListHits {
    return this.hits[id] as ListHits;
  }

  /** Index of the first hit in `h` starting at or after `pos`. */
  firstFrom(h: ListHits, pos: number): number {
    let lo = 0;
    let hi = h.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((h.starts[mid] as number) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when a word of list `id` lies entirely within the `window` characters before `pos`. */
  before(id: number, pos: number, window: number): boolean {
    const h = this.hits[id] as ListHits;
    for (let k = this.firstFrom(h, pos - window); k < h.starts.length && (h.starts[k] as number) < pos; k++) {
      if ((h.ends[k] as number) <= pos) return true;
    }
    return false;
  }

  /** Start offsets of the hits of `id` in [from, to), in order. */
  startsIn(id: number, from: number, to: number): number[] {
    const h = this.hits[id] as ListHits;
    const out: number[] = [];
    for (let k = this.firstFrom(h, from); k < h.starts.length && (h.starts[k] as number) < to; k++) {
      out.push(h.starts[k] as number);
    }
    return out;
  }

  /** True when list `id` has a hit starting in [from, to) and ending by `to`. */
  within(id: number, from: number, to: number): boolean {
    const h = this.hits[id] as ListHits;
    for (let k = this.firstFrom(h, from); k < h.starts.length && (h.starts[k] as number) < to; k++) {
      if ((h.ends[k] as number) <= to) return true;
    }
    return false;
  }
}
