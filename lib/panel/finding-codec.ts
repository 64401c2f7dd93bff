/**
 * How `panel.detect` carries findings: FINDING_FIELDS numbers each (see lib/messaging/finding-fields.ts). Free of
 * the engine, so the page side can decode without loading it.
 */
import { FINDING_FIELDS } from '@/lib/messaging/finding-fields';
import { PII_TYPES, type Finding, type PiiType } from '@/lib/pii/types';

export interface TextFinding extends Finding {
  /** Index of the text in the request. */
  text: number;
}

const typeIndex = new Map<PiiType, number>(PII_TYPES.map((type, i) => [type, i]));

/** The findings as `panel.detect` sends them. */
export function encodeFindings(findings: readonly TextFinding[]): string {
  const out: number[] = [];
  for (const f of findings) {
    out.push(f.text, typeIndex.get(f.type) ?? 0, f.start, f.end, Math.round(f.confidence * 1000));
  }
  return out.join(',');
}

/** Back from numbers to findings, checked against the texts they were found in; malformed entries are dropped. */
export function decodeFindings(encodedFindings: string, texts: readonly string[]): Finding[][] {
  const perText: Finding[][] = texts.map(() => []);
  const encoded = encodedFindings ? encodedFindings.split(',').map(Number) : [];
  for (let i = 0; i + FINDING_FIELDS <= encoded.length; i += FINDING_FIELDS) {
    const [t, type, start, end, confidence] = encoded.slice(i, i + FINDING_FIELDS) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const text = texts[t];
    const piiType = PII_TYPES[type];
    if (text === undefined || !piiType || end <= start || end > text.length || confidence > 1000) continue;
    perText[t]!.push({ type: piiType, start, end, value: text.slice(start, end), confidence: confidence / 1000 });
  }
  return perText;
}
