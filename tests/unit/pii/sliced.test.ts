import { describe, expect, it } from 'vitest';
import { detectPii, detectPiiSliced, type DetectOptions, type Finding } from '../../../lib/pii';

const message = (i: number) =>
  `Beste Sanne,\n\nBestelling ${1000 + i}: bel me op 06-1234${String(5600 + i).padStart(4, '0')} of mail sanne${i}@example.nl.\n` +
  `IBAN NL91 ABNA 0417 1643 00. Ik woon op de Kerkstraat ${i + 1}, 1234 AB Utrecht.\n\nMet vriendelijke groet,\nPieter de Vries\n`;

/** A fake clock that advances with the work done: 2 µs per character scanned. */
function fakeClock() {
  let t = 0;
  const detect = (text: string, options: DetectOptions): Finding[] => {
    t += text.length * 0.002;
    return detectPii(text, options);
  };
  return { now: () => t, detect };
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
