/**
 * Time as a dependency: the real clock in the extension, a virtual one in tests and the benchmark,
 * where sleeping advances time at once so a run that would take minutes takes milliseconds.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export class VirtualClock implements Clock {
  private time: number;
  constructor(start = Date.UTC(2026, 10, 28, 12)) {
    this.time = start;
  }
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.time += Math.max(0, ms);
    await Promise.resolve();
  }
  advance(ms: number): void {
    this.time += ms;
  }
}
