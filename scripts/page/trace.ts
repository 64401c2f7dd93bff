/**
 * Chromium tracing for `bench:page`: records a page load through the DevTools protocol and finds the long tasks
 * (> 50 ms) on the page's renderer main thread, each with what ran inside it. A task is blamed on the extension
 * when script from a chrome-extension:// URL (or script without a URL: the page under test has no scripts of its
 * own) ran inside it for a noticeable part of it (>= 10 ms or a third); the rest (HTML parsing, the page's own
 * layout) is the page's. Hand-written: the trace format is plain JSON
 * and no small library reads it (Lighthouse's trace processor is far larger than this need).
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, in µs: what the thread itself spent, not the time it waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  // V8.CollectSourcePositions: see TRACER_ONLY below.
  'disabled-by-default-v8.compile',
  '__metadata',
];

/**
 * Work the tracer itself causes. To record where timers, listeners and tasks came from, the timeline captures
 * JavaScript stack traces, and V8 (which compiles without source positions until someone asks) then re-parses
 * the functions on the stack, for a script's top level the whole file. Measured on the panel bundle: 55–65 ms in
 * every traced load, while untraced loads of the same page (the Long Tasks API) show no long task around the
 * bundle's evaluation. This time is left out of a task's length before the 50 ms test, for every task alike.
 */
const TRACER_ONLY = new Set(['V8.CollectSourcePositions']);

export async function startTracing(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
}

export async function stopTracing(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (event: { stream?: string }) => resolve(event.stream ?? '')),
  );
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'RunMicrotasks',
  'v8.run',
  'v8.callFunction',
  'v8.evaluateModule',
  'v8.compile',
  'v8.compileModule',
  'V8.Execute',
]);

export interface LongTask {
  /** Start in ms from the trace's ParseHTML of the page (so runs compare). */
  atMs: number;
  /** Start in ms from the page's load event (MarkLoad), when the trace has one: compares with the panel's marks. */
  afterLoadMs: number | null;
  durMs: number;
  /**
   * The main thread's own CPU time in the task (less the tracer's). On a machine busy with other processes a task
   * waits for a core and its duration grows; this does not.
   */
  cpuMs: number;
  /** Time inside script from the extension (top-most extension events only). */
  extensionMs: number;
  /** Extension script URLs that ran inside the task (path only). */
  extensionScripts: string[];
  /** Time inside the task that only tracing causes (TRACER_ONLY), not counted in durMs. */
  tracerMs: number;
  /** The three heaviest direct children, for reading the output. */
  top: string[];
  byExtension: boolean;
}

const urlOf = (e: TraceEvent): string => {
  const data = e.args?.data ?? e.args?.beginData ?? {};
  const url = data['url'] ?? data['scriptName'] ?? data['fileName'] ?? '';
  if (typeof url === 'string' && url) return url;
  const frames = data['stackTrace'];
  if (Array.isArray(frames)) {
    const first = frames.find((f: { url?: string }) => f?.url) as { url?: string } | undefined;
    if (first?.url) return first.url;
  }
  return '';
};

/** The page's renderer main thread: where the page's HTML was parsed. */
function pageThread(
  events: TraceEvent[],
  pageUrl: string,
): { pid: number; tid: number; t0: number; loadTs: number | null } | null {
  const parse = events.find(
    (e) => e.name === 'ParseHTML' && String(e.args?.beginData?.['url'] ?? '').startsWith(pageUrl.split('#')[0]!),
  );
  if (!parse) return null;
  const load = events.find((e) => e.name === 'MarkLoad' && e.pid === parse.pid && e.ts >= parse.ts);
  return { pid: parse.pid, tid: parse.tid, t0: parse.ts, loadTs: load?.ts ?? null };
}

export function longTasks(events: TraceEvent[], pageUrl: string, overMs = 50): LongTask[] {
  const thread = pageThread(events, pageUrl);
  if (!thread) throw new Error('trace: the page renderer was not found');
  const mine = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = mine.filter(
    (e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.cat.includes('toplevel'),
  );
  // Nested RunTasks (a task inside a task) count once: keep the outer ones.
  const outer: TraceEvent[] = [];
  for (const t of tasks) {
    const last = outer[outer.length - 1];
    if (last && t.ts < last.ts + (last.dur ?? 0)) continue;
    outer.push(t);
  }
  const result: LongTask[] = [];
  let cursor = 0;
  for (const task of outer) {
    if ((task.dur ?? 0) / 1000 <= overMs) continue;
    const end = task.ts + (task.dur ?? 0);
    while (cursor < mine.length && mine[cursor]!.ts < task.ts) cursor++;
    const inside: TraceEvent[] = [];
    for (let i = cursor; i < mine.length && mine[i]!.ts < end; i++) if (mine[i] !== task) inside.push(mine[i]!);
    let tracerUs = 0;
    let tracerUntil = -1;
    for (const e of inside) {
      if (!TRACER_ONLY.has(e.name) || e.ts < tracerUntil) continue;
      tracerUs += e.dur ?? 0;
      tracerUntil = e.ts + (e.dur ?? 0);
    }
    const dur = ((task.dur ?? 0) - tracerUs) / 1000;
    if (dur <= overMs) continue;
    // Top-most script events: blamed by their URL (or the first URL inside them); script without any URL
    // (microtasks, module evaluation) is counted as the extension's, since the page under test runs none.
    let extensionUs = 0;
    let coveredUntil = -1;
    const scripts = new Set<string>();
    for (let i = 0; i < inside.length; i++) {
      const e = inside[i]!;
      const url = urlOf(e);
      if (url.startsWith('chrome-extension://')) scripts.add(new URL(url).pathname);
      if (!SCRIPT_EVENTS.has(e.name) || e.ts < coveredUntil) continue;
      const until = e.ts + (e.dur ?? 0);
      coveredUntil = until;
      let owner = url;
      for (let j = i + 1; !owner && j < inside.length && inside[j]!.ts < until; j++) owner = urlOf(inside[j]!);
      if (!owner || owner.startsWith('chrome-extension://')) extensionUs += e.dur ?? 0;
    }
    extensionUs = Math.max(0, extensionUs - tracerUs);
    const direct = inside
      .filter((e) => e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, Number(process.env.TRACE_TOP ?? 3))
      .map((e) => {
        const url = urlOf(e);
        const where = url ? ` ${url.startsWith('chrome-extension://') ? new URL(url).pathname : url.slice(0, 60)}` : '';
        return `${e.name}${where} ${((e.dur ?? 0) / 1000).toFixed(0)}ms`;
      });
    const extensionMs = extensionUs / 1000;
    result.push({
      atMs: (task.ts - thread.t0) / 1000,
      afterLoadMs: thread.loadTs === null ? null : (task.ts - thread.loadTs) / 1000,
      durMs: dur,
      cpuMs: Math.max(0, ((task.tdur ?? task.dur ?? 0) - tracerUs) / 1000),
      tracerMs: tracerUs / 1000,
      extensionMs,
      extensionScripts: [...scripts],
      top: direct,
      byExtension: extensionMs >= 10 || extensionMs >= dur / 3,
    });
  }
  return result;
}
