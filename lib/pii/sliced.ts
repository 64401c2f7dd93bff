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

export async function detectPiiSliced(texts: readonly string[], options: SlicedOptions = {}): Promise<Finding[][]> {
  const { budgetMs = 8, signal, now = () => performance.now(), yieldToPage = defaultYield, onSlice, detect } = options;
  const results: Finding[][] = texts.map(() => []);
  let msPerChar = 0; // unknown until the first chunk ran
  let chunk = MIN_CHUNK;
  let sliceStart = now();
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t] as string;
    let pos = 0;
    while (pos < text.length) {
      signal?.throwIfAborted();
      const remaining = budgetMs - (now() - sliceStart);
      // Yield first when the next chunk would not fit into what is left of this slice.
      if (msPerChar > 0 && remaining < chunk * msPerChar) {
        onSlice?.(now() - sliceStart);
        await yieldToPage();
        signal?.throwIfAborted();
        sliceStart = now();
      }
      const end = chunkEnd(text, pos, chunk);
      const t0 = now();
      (results[t] as Finding[]).push(...detectChunk(text, pos, end, options, detect));
      const took = now() - t0;
      const perChar = took / Math.max(1, end - pos + 2 * OVERLAP);
      msPerChar = msPerChar === 0 ? perChar : Math.max(perChar, msPerChar * 0.8 + perChar * 0.2);
      // Aim for chunks of about a third of the budget.
      chunk = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.floor(budgetMs / 3 / Math.max(msPerChar, 1e-7))));
      pos = end;
    }
  }
  onSlice?.(now() - sliceStart);
  return results;
}
