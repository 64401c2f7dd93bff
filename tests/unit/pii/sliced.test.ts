import { describe, expect, it } from 'vitest';
import { detectPii, detectPiiSliced, type DetectOptions, type Finding } from '../../../lib/pii';

const message = (i: number) =>
  `Beste Sanne,\n\nBestelling ${1000 + i}: bel me op 06-1234${String(5600 + i).padStart(4, '0')} of mail sanne${i}@example.nl.\n` +
  `IBAN NL91 ABNA 0417 1643 00. Ik woon op de Kerkstraat ${i + 1}, 1234 AB Utrecht.\n\nMet vriendelijke groet,\nPieter de Vries\n`;

/** A fake clock that advances with the work done: 2 µs per character scanned, plus `perCall` ms per call. */
function fakeClock(perCall = 0) {
  let t = 0;
  const detect = (text: string, options: DetectOptions): Finding[] => {
    t += text.length * 0.002 + perCall;
    return detectPii(text, options);
  };
  return { now: () => t, detect, advance: (ms: number) => (t += ms) };
}

/** Runs `texts` on a fake clock; returns the slice durations and the number of yields. */
async function run(texts: string[], clock: ReturnType<typeof fakeClock>, budgetMs = 8) {
  const slices: number[] = [];
  let yields = 0;
  await detectPiiSliced(texts, {
    budgetMs,
    now: clock.now,
    detect: clock.detect,
    onSlice: (ms) => slices.push(ms),
    yieldToPage: async () => {
      yields++;
    },
  });
  return { slices, yields };
}

describe('detectPiiSliced', () => {
  it('keeps every slice within the budget and yields between slices', async () => {
    const long = Array.from({ length: 120 }, (_, i) => message(i)).join('\n');
    const clock = fakeClock();
    const slices: number[] = [];
    let yields = 0;
    await detectPiiSliced([long, message(999)], {
      budgetMs: 8,
      now: clock.now,
      detect: clock.detect,
      onSlice: (ms) => slices.push(ms),
      yieldToPage: async () => {
        yields++;
      },
    });
    expect(yields).toBeGreaterThan(5);
    expect(slices.length).toBe(yields + 1);
    expect(Math.max(...slices)).toBeLessThanOrEqual(8);
  });

  it('keeps many short texts with a fixed cost per call within the budget, and packs them into full slices', async () => {
    const texts = Array.from({ length: 400 }, (_, i) => message(i));
    const clock = fakeClock(0.3);
    const { slices, yields } = await run(texts, clock);
    expect(Math.max(...slices)).toBeLessThanOrEqual(8);
    // The work (about 400 × 0.9 ms) fits in far fewer slices than texts: the runner does not yield per text.
    const total = slices.reduce((a, b) => a + b, 0);
    expect(yields).toBeLessThan(total / 4);
  });

  it('is not thrown off by one chunk that was interrupted', async () => {
    const texts = Array.from({ length: 200 }, (_, i) => message(i));
    const clock = fakeClock();
    let calls = 0;
    const detect = (text: string, options: DetectOptions): Finding[] => {
      if (++calls === 5) clock.advance(50); // e.g. a garbage collection in the middle of a chunk
      return clock.detect(text, options);
    };
    const slices: number[] = [];
    await detectPiiSliced(texts, {
      budgetMs: 8,
      now: clock.now,
      detect,
      onSlice: (ms) => slices.push(ms),
      yieldToPage: async () => {},
    });
    // Only the slice holding the interruption runs long; the rest stay within budget and are not tiny.
    expect(slices.filter((ms) => ms > 8)).toHaveLength(1);
    expect(slices.length).toBeLessThan(60);
  });

  it('finds the same as detecting each whole text at once', async () => {
    const texts = [Array.from({ length: 60 }, (_, i) => message(i)).join('\n'), message(7), ''];
    const sliced = await detectPiiSliced(texts, { budgetMs: 1, yieldToPage: async () => {} });
    const whole = texts.map((t) => detectPii(t));
    expect(sliced).toEqual(whole);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const texts = Array.from({ length: 50 }, (_, i) => message(i));
    const clock = fakeClock();
    const run = detectPiiSliced(texts, {
      signal: controller.signal,
      now: clock.now,
      detect: clock.detect,
      yieldToPage: async () => controller.abort(),
    });
    await expect(run).rejects.toThrow();
  });

  it('yields to the page with the default strategy in a real event loop', async () => {
    const result = await detectPiiSliced([message(1)]);
    expect(result[0]?.some((f) => f.type === 'EMAIL')).toBe(true);
  });
});
