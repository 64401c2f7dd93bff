import { detectPii } from './detect';
import type { DetectOptions, Finding } from './types';

/**
 * Detection for the page in time-boxed slices: texts are cut into chunks (at line breaks, with an overlap so
 * context words and entities across a cut are still seen), chunks run until the budget is nearly used, then
 * the runner yields to the page. Chunk size adapts to the measured speed so one chunk stays well inside the
 * budget.
 */
export interface SlicedOptions extends DetectOptions {
  /** Longest a slice may run before yielding, in milliseconds. Default 8. */
  budgetMs?: number;
  signal?: AbortSignal;
  /** Clock in milliseconds; defaults to performance.now. */
  now?: () => number;
  /** How to give the page its turn; defaults to scheduler.yield, then a MessageChannel, then setTimeout(0). */
  yieldToPage?: () => Promise<void>;
  /** Called after every slice with its duration (for measurement). */
  onSlice?: (ms: number) => void;
  /** The detector run on each chunk; defaults to detectPii (tests pass a wrapped one). */
  detect?: (text: string, options: DetectOptions) => Finding[];
}

const OVERLAP = 256;
const MIN_CHUNK = 2_000;
const MAX_CHUNK = 200_000;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

export function defaultYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  if (typeof MessageChannel !== 'undefined') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** End of a chunk starting at `start`: the last line break (else space) before `start + size`. */
function chunkEnd(text: string, start: number, size: number): number {
  const limit = start + size;
  if (limit >= text.length) return text.length;
  const nl = text.lastIndexOf('\n', limit);
  if (nl > start + size / 2) return nl + 1;
  const sp = text.lastIndexOf(' ', limit);
  return sp > start + size / 2 ? sp + 1 : limit;
}

/** Findings in one chunk [start, end) of `text`, with absolute offsets; context is read from the overlap. */
export function detectChunk(
  text: string,
  start: number,
  end: number,
  options: DetectOptions,
  detect: (text: string, options: DetectOptions) => Finding[] = detectPii,
): Finding[] {
  const from = Math.max(0, start - OVERLAP);
  const to = Math.min(text.length, end + OVERLAP);
  const out: Finding[] = [];
  for (const f of detect(text.slice(from, to), options)) {
    const s = f.start + from;
    if (s >= start && s < end) out.push({ ...f, start: s, end: f.end + from });
  }
  return out;
}

/**
 * Cost model of the next piece of work: the time per character over the last chunks (their total time over
 * their total length, so fixed per-call costs of short texts are included), with a safety margin. A chunk that
 * took longer than the budget was interrupted (GC, another process) and counts as one budget, so a single
 * outlier cannot make the runner yield after every short text.
 */
const WINDOW = 32;
const MARGIN = 1.25;
const HEADROOM = 0.8;

class CostModel {
  private readonly ms: number[] = [];
  private readonly chars: number[] = [];
  private msSum = 0;
  private charSum = 0;

  constructor(private readonly budgetMs: number) {}

  private rate(): number {
    return this.charSum > 0 ? this.msSum / this.charSum : 0;
  }

  predict(chars: number): number {
    return this.charSum === 0 ? Infinity : chars * this.rate() * MARGIN;
  }

  learn(chars: number, ms: number): void {
    const took = Math.min(ms, this.budgetMs);
    this.ms.push(took);
    this.chars.push(chars);
    this.msSum += took;
    this.charSum += chars;
    if (this.ms.length > WINDOW) {
      this.msSum -= this.ms.shift() as number;
      this.charSum -= this.chars.shift() as number;
    }
  }

  /** Characters that fit in `ms`. */
  charsFor(ms: number): number {
    const rate = this.rate();
    return rate > 0 ? ms / (rate * MARGIN) : MIN_CHUNK;
  }
}

export async function detectPiiSliced(texts: readonly string[], options: SlicedOptions = {}): Promise<Finding[][]> {
  const { budgetMs = 8, signal, now = () => performance.now(), yieldToPage = defaultYield, onSlice, detect } = options;
  const results: Finding[][] = texts.map(() => []);
  const cost = new CostModel(budgetMs);
  let sliceStart = now();
  let workInSlice = false;
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t] as string;
    let pos = 0;
    while (pos < text.length) {
      signal?.throwIfAborted();
      // Chunks of about a quarter of the budget (small until the speed is known).
      const size = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.floor(cost.charsFor(budgetMs / 4))));
      const end = chunkEnd(text, pos, size);
      const scanned = Math.min(text.length, end + OVERLAP) - Math.max(0, pos - OVERLAP);
      // Yield first when this chunk would not fit into what is left of the slice (never with an empty slice);
      // a fifth of the budget is kept as headroom for chunks that run slower than predicted.
      if (workInSlice && now() - sliceStart + cost.predict(scanned) > budgetMs * HEADROOM) {
        onSlice?.(now() - sliceStart);
        await yieldToPage();
        signal?.throwIfAborted();
        sliceStart = now();
        workInSlice = false;
      }
      const t0 = now();
      (results[t] as Finding[]).push(...detectChunk(text, pos, end, options, detect));
      cost.learn(scanned, now() - t0);
      workInSlice = true;
      pos = end;
    }
  }
  onSlice?.(now() - sliceStart);
  return results;
}
