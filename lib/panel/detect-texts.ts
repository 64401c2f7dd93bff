/**
 * Personal-data detection for the panel, run in the background service worker (`panel.detect`): the engine and
 * its phone metadata load and run there, never on the tool's page. Offsets are per text.
 */
import { detectPii } from '@/lib/pii';
import type { IdentityHints } from '@/lib/pii/types';
import type { TextFinding } from './finding-codec';

export function detectTexts(texts: readonly string[], hints: IdentityHints): TextFinding[] {
  const out: TextFinding[] = [];
  texts.forEach((text, index) => {
    for (const finding of detectPii(text, { hints })) out.push({ ...finding, text: index });
  });
  return out;
}

/** One text touching every recognizer (phones of each region, IBAN, card, BSN, address, dates, special data). */
const WARM_UP_TEXT = [
  'Beste Jan de Vries, geboren op 12-03-1980, Kerkstraat 12, 3511 LX Utrecht. Bel 06-12345678 of +32 470 12 34 56.',
  'Mail jan.devries@example.nl, IBAN NL91 ABNA 0417 1643 00, BSN 111222333, kenteken 12-ABC-3, IP 192.168.10.12.',
  'Dear Mr Smith, call +44 20 7946 0958 or +1 212 555 0123; card 4111 1111 1111 1111; passport NX1234567.',
  'Herr Müller, Hauptstraße 5, 10115 Berlin, +49 30 1234567. Mme Dupont, +33 1 23 45 67 89. I am diabetic.',
].join('\n');

let warm: Promise<void> | null = null;

/** Runs the engine a few times so its lazy set-up and JIT happen before the first page asks (once per worker). */
export function warmUpDetection(rounds = 5): Promise<void> {
  warm ??= (async () => {
    for (let i = 0; i < rounds; i++) {
      detectPii(WARM_UP_TEXT, { hints: { names: ['Jan de Vries'], emails: ['jan.devries@example.nl'] } });
      // Between rounds the worker answers messages that arrived meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  })();
  return warm;
}
