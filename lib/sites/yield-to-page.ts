/**
 * Gives the page its turn between slices of our work on it. `scheduler.yield()` (Chromium 129+) lets input and
 * rendering go first and then resumes ahead of the other tasks queued meanwhile, so reading a long thread does not
 * wait behind every task the loading page queues (measured with `npm run bench:page`: with zero-delay timers,
 * which Chromium also clamps to 4 ms once five are nested, reading 1,000 messages in 8 ms slices ended ~0.25 s
 * after the page's load event). Where it is missing (other browsers, the tests' DOM), a zero-delay timer.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
