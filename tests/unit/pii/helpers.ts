import { expect } from 'vitest';
import { detectPii, type DetectOptions, type Finding, type PiiType } from '../../../lib/pii';

/** Values of `type` found in `text`; also checks every finding's offsets against the text. */
export function found(text: string, type: PiiType, options: DetectOptions = {}): string[] {
  const findings = detectPii(text, options);
  expectOffsets(text, findings);
  return findings.filter((f) => f.type === type).map((f) => f.value);
}

export function expectOffsets(text: string, findings: Finding[]): void {
  for (const f of findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThan(f.start);
    expect(text.slice(f.start, f.end)).toBe(f.value);
  }
}
