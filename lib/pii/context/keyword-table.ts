/**
 * The word lists of the shared keyword pass (keywords.ts) as a trie of their lower-cased words, flattened into
 * typed arrays for the walk, plus a prefilter on the first three characters of a word. Hand-written for the
 * reasons keywords.ts gives; kept apart from the pass that reads it.
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

/** Whether the three characters from token start `i` (first one `c`) may start some word (the prefilter). */
export function mayStartWord(text: string, i: number, c: number): boolean {
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
export interface Flat {
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

/** The class of code unit `c` (0: no word holds it). */
export function classOf(f: Flat, c: number): number {
  if (c < 0x250) return f.classOf[c] as number;
  let k = f.high.get(c);
  if (k === undefined) {
    k = f.symbols.get(lowerCode(c)) ?? 0;
    f.high.set(c, k);
  }
  return k;
}

/** The flat table of every list registered so far (rebuilt when lists were added since the last one). */
export function table(): Flat {
  if (!flat || flat.lists !== listCount) flat = buildFlat();
  return flat;
}
