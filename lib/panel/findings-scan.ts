import { sendMessage } from '@/lib/messaging/messenger';
import type { Finding } from '@/lib/pii/types';
import type { Conversation } from '@/lib/sites/site-adapter';
import { decodeFindings } from './finding-codec';
import { offerScanAhead } from './page-handoff';
import { markPhase } from './phase-mark';
import type { LocatedFinding } from './group-findings';
import { yieldToPage } from '@/lib/sites/yield-to-page';

/**
 * The first batch is small, so the first findings show soon; the rest go in a few large batches, so the panel
 * renders the growing list only a few times.
 */
export const FIRST_BATCH = { chars: 8_000, messages: 40 };
export const NEXT_BATCHES = { chars: 30_000, messages: 125 };

export type DetectBatch = (texts: string[], hints: DetectHints) => Promise<Finding[][]>;
export interface DetectHints {
  names: string[];
  emails: string[];
  phones: string[];
}

/** The message indexes of each batch, in order. */
export function batchesOf(texts: readonly string[], first = FIRST_BATCH, next = NEXT_BATCHES): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let chars = 0;
  texts.forEach((text, i) => {
    const limit = batches.length === 0 ? first : next;
    if (current.length > 0 && (chars + text.length > limit.chars || current.length >= limit.messages)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(i);
    chars += text.length;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Detection in the background service worker (`panel.detect`): the engine never loads on the tool's page. */
export const detectInBackground: DetectBatch = async (texts, hints) => {
  markPhase('detect-sent');
  const { findings } = await sendMessage('panel.detect', { texts, hints });
  markPhase('detect-answered');
  // Decoded in a task of its own: the answer's arrival (Chromium parsing the message) already used up this one.
  await yieldToPage();
  return decodeFindings(findings, texts);
};

/**
 * When the background does not answer (its service worker was stopped mid-request), the batch is asked once
 * more: the next message starts the worker again. There is no page-side engine: measured with
 * `scripts/page/profile.ts`, carrying it in the panel bundle made the page evaluate ~0.2 MB more script (the phone
 * metadata, the recognizers) in one long task even when it never ran.
 */
export const detectAgain: DetectBatch = async (texts, hints) => {
  await new Promise((resolve) => setTimeout(resolve, 200));
  return detectInBackground(texts, hints);
};

/** One conversation's texts on their way to the detector: every batch sent at once, answered in order. */
export interface FindingsScan {
  /** Per batch, its findings with their message ids; undefined when the scan was cancelled meanwhile. */
  results: Promise<LocatedFinding[] | undefined>[];
  cancel(): void;
}

export function startFindingsScan(
  conversation: Conversation,
  detect: DetectBatch = detectInBackground,
  fallback: DetectBatch = detectAgain,
): FindingsScan {
  let live = true;
  const messages = conversation.messages;
  const texts = messages.map((m) => m.text);
  const { name, emails, phones } = conversation.customer;
  const hints = { names: name ? [name.slice(0, 200)] : [], emails: emails.slice(0, 50), phones: phones.slice(0, 50) };
  const runBatch = async (indexes: number[]): Promise<LocatedFinding[] | undefined> => {
    const batchTexts = indexes.map((i) => texts[i]!);
    let perText: Finding[][];
    try {
      perText = await detect(batchTexts, hints);
    } catch {
      if (!live) return undefined;
      perText = await fallback(batchTexts, hints);
    }
    if (!live) return undefined;
    // The decoded findings are fresh objects: each gets its message id in place.
    const located: LocatedFinding[] = [];
    perText.forEach((list, j) => {
      const messageId = messages[indexes[j]!]?.id ?? String(indexes[j]);
      for (const finding of list) located.push(Object.assign(finding, { messageId }));
    });
    return located;
  };
  // One batch sent per task: handing every text of a long thread to the messaging layer at once (each message is
  // serialised as it is sent) was a long task of its own (`npm run bench:page`). The first goes at once.
  let sent: Promise<void> = Promise.resolve();
  const results = batchesOf(texts).map((indexes, b) => {
    const turn = b === 0 ? sent : (sent = sent.then(yieldToPage));
    return turn.then(() => (live ? runBatch(indexes) : undefined));
  });
  return { results, cancel: () => void (live = false) };
}

/**
 * Starts the scan for a read before the panel's UI is there: detection overlaps with loading the UI, which takes it
 * (lib/panel/page-handoff.ts).
 */
export function scanAhead(conversation: Conversation, key: string): void {
  offerScanAhead(key, startFindingsScan(conversation));
}
