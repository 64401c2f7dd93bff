/**
 * The peer libraries behind one interface: text in, typed spans out. @openredaction reports positions; the
 * others only return redacted text, so spans are recovered by aligning the literal text between their
 * placeholders with the original. Peer types are mapped onto ours; types we do not have become OTHER, which
 * scoring ignores (neither a hit nor a false positive), the generous choice for the peers.
 */
import { redact as arcjetRedact } from '@arcjet/redact';
import { OpenRedaction } from '@openredaction/openredaction';
import { Redactor } from '@redactpii/node';
import redactPii from 'redact-pii';
import type { Span } from './score';

export interface Engine {
  name: string;
  /** Detects and returns spans; may be async. */
  spans(text: string): Promise<Span[]> | Span[];
  /** The cheapest call that does the engine's full work, for throughput. */
  run(text: string): unknown;
}

/** Recovers placeholder spans: literal pieces of the redacted text are found in order in the original. */
export function alignPlaceholders(
  original: string,
  redacted: string,
  placeholder: RegExp,
  typeOf: (p: string) => string,
): Span[] {
  const spans: Span[] = [];
  let pos = 0;
  let last = 0;
  const parts = [...redacted.matchAll(placeholder)];
  for (let i = 0; i < parts.length; i++) {
    const m = parts[i] as RegExpMatchArray;
    const literalBefore = redacted.slice(last, m.index);
    pos = original.indexOf(literalBefore, pos);
    if (pos < 0) return spans;
    pos += literalBefore.length;
    const nextIndex = i + 1 < parts.length ? (parts[i + 1] as RegExpMatchArray).index : redacted.length;
    const literalAfter = redacted.slice((m.index ?? 0) + m[0].length, nextIndex);
    const end = literalAfter ? original.indexOf(literalAfter, pos) : i + 1 < parts.length ? pos : original.length;
    if (end < 0) return spans;
    if (end > pos) spans.push({ type: typeOf(m[0]), start: pos, end });
    pos = end;
    last = (m.index ?? 0) + m[0].length;
  }
  return spans;
}

const REDACT_PII_TYPES: Record<string, string> = {
  PERSON_NAME: 'PERSON',
  EMAIL_ADDRESS: 'EMAIL',
  PHONE_NUMBER: 'PHONE',
  CREDIT_CARD_NUMBER: 'CREDIT_CARD',
  STREET_ADDRESS: 'ADDRESS',
  ZIPCODE: 'POSTCODE',
  IP_ADDRESS: 'IP_ADDRESS',
};
const REDACT_PII_PLACEHOLDER =
  /PERSON_NAME|EMAIL_ADDRESS|PHONE_NUMBER|CREDIT_CARD_NUMBER|STREET_ADDRESS|ZIPCODE|IP_ADDRESS|US_SOCIAL_SECURITY_NUMBER|DIGITS|URL|USERNAME|PASSWORD|CREDENTIALS/g;

const ARCJET_TYPES: Record<string, string> = {
  email: 'EMAIL',
  'phone number': 'PHONE',
  'credit card number': 'CREDIT_CARD',
  'IP address': 'IP_ADDRESS',
};

function openRedactionType(t: string): string {
  if (t === 'NAME') return 'PERSON';
  if (t === 'EMAIL') return 'EMAIL';
  if (t.startsWith('PHONE')) return 'PHONE';
  if (t === 'CREDIT_CARD') return 'CREDIT_CARD';
  if (t === 'IBAN') return 'IBAN';
  if (t.startsWith('ADDRESS')) return 'ADDRESS';
  if (t.startsWith('POSTCODE') || t.startsWith('ZIP')) return 'POSTCODE';
  if (t === 'DUTCH_BSN') return 'NL_BSN';
  if (t === 'DATE_OF_BIRTH') return 'DATE_OF_BIRTH';
  if (t.endsWith('LICENSE_PLATE')) return 'LICENSE_PLATE';
  if (t.startsWith('PASSPORT')) return 'PASSPORT';
  if (t.startsWith('IP')) return 'IP_ADDRESS';
  return 'OTHER';
}

export function peers(): Engine[] {
  const rp = new redactPii.SyncRedactor();
  const rpn = new Redactor();
  const or = new OpenRedaction();
  return [
    {
      name: 'redact-pii',
      run: (t) => rp.redact(t),
      spans: (t) => alignPlaceholders(t, rp.redact(t), REDACT_PII_PLACEHOLDER, (p) => REDACT_PII_TYPES[p] ?? 'OTHER'),
    },
    {
      name: '@redactpii/node',
      run: (t) => rpn.redact(t),
      spans: (t) => alignPlaceholders(t, rpn.redact(t), REDACT_PII_PLACEHOLDER, (p) => REDACT_PII_TYPES[p] ?? 'OTHER'),
    },
    {
      name: '@openredaction/openredaction',
      run: (t) => or.detect(t),
      spans: async (t) =>
        (await or.detect(t)).detections.map((d: { type: string; position: [number, number] }) => ({
          type: openRedactionType(d.type),
          start: d.position[0],
          end: d.position[1],
        })),
    },
    {
      name: '@arcjet/redact',
      run: (t) => arcjetRedact(t, {}),
      spans: async (t) => {
        const [redacted] = await arcjetRedact(t, {});
        return alignPlaceholders(
          t,
          redacted,
          /<Redacted ([^>#]+) #\d+>/g,
          (p) => ARCJET_TYPES[p.replace(/^<Redacted | #\d+>$/g, '')] ?? 'OTHER',
        );
      },
    },
  ];
}
