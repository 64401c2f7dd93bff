import { isWordCode } from './boundary';
import type { DigitRuns } from './digit-runs';

/**
 * One shared pass for every context word of every recognizer (phone words, look-alike words, greetings,
 * birth words, special-category words …). Hand-written because the engine used to run a dozen word-list
 * regular expressions over the whole (lower-cased) text, and one regular expression of all ~700 words tries
 * them one after another at each position. Here a trie of the lower-cased words is walked from each token
 * start; every word passed on the way is a hit for the lists that hold it.
 */
export type WordEnd = 'any' | 'token' | 'letter';

interface Entry {
  list: number;
  end: WordEnd;
}

interface Node {
  /** Index in `allNodes` (row of the flat table). */
  id: number;
  next: Map<number, Node>;
  entries: Entry[];
}

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

let listCount = 0;
const root: Node = { id: 0, next: new Map(), entries: [] };
const allNodes: Node[] = [root];
/** Character class (1…) of each lower-cased character used in some word. */
const symbols = new Map<number, number>();

/** Lower case of a UTF-16 code unit (same length; characters whose lower case is longer stay as they are). */
const LOWER_TABLE = new Uint16Array(0x250);
for (let c = 0; c < LOWER_TABLE.length; c++) {
  const l = String.fromCharCode(c).toLowerCase();
  LOWER_TABLE[c] = l.length === 1 ? l.charCodeAt(0) : c;
}
/** isWordCode as a table (2 for the digits 0–9, 1 for the other word characters): this loop runs for every character of the text. */
const WORD_TABLE = new Uint8Array(0x10000);
for (let c = 0; c < WORD_TABLE.length; c++) WORD_TABLE[c] = c >= 48 && c <= 57 ? 2 : isWordCode(c) ? 1 : 0;
/**
 * Prefilter: the first three characters of every word, as 5-bit codes (a–z, space, dot, dash, apostrophe);
 * a word start is only walked in the trie when its first three characters start some word. Code 31 stands
 * for any other character and always passes.
 */
const CODE = new Uint8Array(0x10000).fill(31, 128);
for (let c = 97; c <= 122; c++) CODE[c] = CODE[c - 32] = c - 96;
CODE[32] = 27;
CODE[46] = 28;
CODE[45] = 29;
CODE[39] = 30;
const PREFIX3 = new Uint8Array(32 * 32 * 32);

const ALL_CODES = Array.from({ length: 32 }, (_, k) => k);
/** Codes that may follow a whole word (anything but a letter a–z). */
const AFTER_WORD = [0, 27, 28, 29, 30, 31];

function markPrefix(w: string, end: WordEnd): void {
  for (let i = 0; i < 3 && i < w.length; i++) if (CODE[w.charCodeAt(i)] === 0) CODE[w.charCodeAt(i)] = 31;
  // Per position: the codes allowed there (null = any).
  const allowed = [0, 1, 2].map((i): number[] | null => {
    if (i < w.length) {
      const code = CODE[w.charCodeAt(i)] as number;
      return code === 31 ? null : [code, 31];
    }
    return i === w.length && end !== 'any' ? AFTER_WORD : null;
  });
  // Only the allowed combinations are visited (a handful per word instead of all 32³).
  const [xs, ys, zs] = allowed.map((a) => a ?? ALL_CODES) as [number[], number[], number[]];
  for (const a of xs) for (const b of ys) for (const c of zs) PREFIX3[(a << 10) | (b << 5) | c] = 1;
}

function lowerCode(c: number): number {
  if (c < 0x250) return LOWER_TABLE[c] as number;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}

/**
 * Registers a word list (lower case; a word matches at the start of a token, case-insensitively).
 * `end`: 'any' = as a prefix ("telefoon" covers "telefoonnummer"), 'token' = whole word, 'letter' = not
 * followed by a letter. Returns the list's id for lookups.
 */
export function defineWords(_name: string, list: readonly string[], end: WordEnd = 'any'): number {
  const id = listCount++;
  for (const w of new Set(list)) {
    markPrefix(w, end);
    let node = root;
    for (let i = 0; i < w.length; i++) {
      const c = lowerCode(w.charCodeAt(i));
      let child = node.next.get(c);
      if (!child) {
        child = { id: allNodes.length, next: new Map(), entries: [] };
        allNodes.push(child);
        if (!symbols.has(c)) symbols.set(c, symbols.size + 1);
        node.next.set(c, child);
      }
      node = child;
    }
    node.entries.push({ list: id, end });
  }
  return id;
}

const isLetterCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x250);

function mayStartWord(text: string, i: number, c: number): boolean {
  const a = CODE[c] as number;
  const b = i + 1 < text.length ? (CODE[text.charCodeAt(i + 1)] as number) : 0;
  const d = i + 2 < text.length ? (CODE[text.charCodeAt(i + 2)] as number) : 0;
  return a === 31 || b === 31 || d === 31 || PREFIX3[(a << 10) | (b << 5) | d] === 1;
}

/**
 * The trie in flat arrays, built from the Map trie on first use (and again when lists are added later): a
 * character class per UTF-16 code unit (its lower case), a transition table per node and class, and each
 * node's entries as (list, end) pairs. A walk step is then two typed-array reads instead of a Map lookup.
 */
interface Flat {
  lists: number;
  /** Class of code units below 0x250; others through `high` (computed on first sight). */
  classOf: Uint8Array;
  high: Map<number, number>;
  symbols: Map<number, number>;
  classes: number;
  next: Int32Array;
  entryFrom: Int32Array;
  entryList: Int32Array;
  entryEnd: Uint8Array;
}
let flat: Flat | null = null;
const END_CODE: Record<WordEnd, number> = { any: 0, token: 1, letter: 2 };

function buildFlat(): Flat {
  const nodes = allNodes;
  if (symbols.size > 254) throw new Error('keywords: too many distinct characters');
  const classes = symbols.size + 1;
  const classOf = new Uint8Array(0x250);
  for (let c = 0; c < 0x250; c++) classOf[c] = symbols.get(lowerCode(c)) ?? 0;
  const next = new Int32Array(nodes.length * classes).fill(-1);
  const entryFrom = new Int32Array(nodes.length + 1);
  const entryList: number[] = [];
  const entryEnd: number[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k] as Node;
    n.next.forEach((child, c) => {
      next[k * classes + (symbols.get(c) as number)] = child.id;
    });
    entryFrom[k] = entryList.length;
    for (let e = 0; e < n.entries.length; e++) {
      const entry = n.entries[e] as Entry;
      entryList.push(entry.list);
      entryEnd.push(END_CODE[entry.end]);
    }
  }
  entryFrom[nodes.length] = entryList.length;
  return {
    lists: listCount,
    classOf,
    high: new Map(),
    symbols,
    classes,
    next,
    entryFrom,
    entryList: Int32Array.from(entryList),
    entryEnd: Uint8Array.from(entryEnd),
  };
}

function endCodeOk(text: string, at: number, end: number): boolean {
  if (end === 0 || at >= text.length) return true;
  const c = text.charCodeAt(at);
  return end === 1 ? WORD_TABLE[c] === 0 : !isLetterCode(c);
}

function classOf(f: Flat, c: number): number {
  if (c < 0x250) return f.classOf[c] as number;
  let k = f.high.get(c);
  if (k === undefined) {
    k = f.symbols.get(lowerCode(c)) ?? 0;
    f.high.set(c, k);
  }
  return k;
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
function scan(text: string, hits: Collecting[]): number {
  if (!flat || flat.lists !== listCount) flat = buildFlat();
  const f = flat;
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
    const hits: Collecting[] = [];
    for (let k = 0; k < listCount; k++) hits.push(NO_HITS);
    const count = scan(text, hits); // may replace runBuffer with a bigger one: read it after
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
