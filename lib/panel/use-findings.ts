import { startTransition, useEffect, useState } from 'react';
import { sendMessage } from '@/lib/messaging/messenger';
import type { Finding } from '@/lib/pii/types';
import type { Conversation } from '@/lib/sites/site-adapter';
import { decodeFindings } from './finding-codec';
import type { LocatedFinding } from './group-findings';

export interface FindingsState {
  /** The conversation the findings belong to (never shown for another one). */
  conversationKey: string;
  findings: LocatedFinding[];
  /** False while batches are still being scanned: the list grows in message order. */
  complete: boolean;
}

/**
 * The first batch is small, so the first findings show soon; the rest go in a few large batches, so the panel
 * renders the growing list only a few times.
 */
export const FIRST_BATCH = { chars: 8_000, messages: 40 };
export const NEXT_BATCHES = { chars: 40_000, messages: 250 };

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
  const { findings } = await sendMessage('panel.detect', { texts, hints });
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

/**
 * Personal data in the open conversation. The texts go to the background in batches (in message order); the first
 * batch is listed as soon as it is in, the whole list once every batch is. A scan still
 * running when the conversation changes is dropped; its results are never shown.
 */
export function useFindings(
  conversation: Conversation | null,
  key: string | null,
  detect: DetectBatch = detectInBackground,
  fallback: DetectBatch = detectAgain,
): FindingsState | null {
  const [state, setState] = useState<FindingsState | null>(null);
  useEffect(() => {
    if (!conversation || !key) return;
    let live = true;
    const messages = conversation.messages;
    const texts = messages.map((m) => m.text);
    const { name, emails, phones } = conversation.customer;
    const hints = { names: name ? [name.slice(0, 200)] : [], emails: emails.slice(0, 50), phones: phones.slice(0, 50) };
    const batches = batchesOf(texts);
    const done: (LocatedFinding[] | undefined)[] = batches.map(() => undefined);
    const runBatch = async (b: number): Promise<void> => {
      const indexes = batches[b]!;
      const batchTexts = indexes.map((i) => texts[i]!);
      let perText: Finding[][];
      try {
        perText = await detect(batchTexts, hints);
      } catch {
        if (!live) return;
        perText = await fallback(batchTexts, hints);
      }
      if (!live) return;
      // The decoded findings are fresh objects: each gets its message id in place.
      const located: LocatedFinding[] = [];
      perText.forEach((list, j) => {
        const messageId = messages[indexes[j]!]?.id ?? String(indexes[j]);
        for (const finding of list) located.push(Object.assign(finding, { messageId }));
      });
      done[b] = located;
      // Shown in message order, twice: when the first batch is in (the first findings soon) and when all are in.
      // Each render waits for a task of its own, apart from parsing the answer.
      const ready = done.findIndex((d) => d === undefined);
      const complete = ready === -1;
      if (!(complete || (b === 0 && ready !== 0))) return;
      const upTo = complete ? done.length : ready;
      const next = { conversationKey: key, findings: done.slice(0, upTo).flatMap((d) => d ?? []), complete };
      setTimeout(() => {
        if (live)
          startTransition(() => setState((prev) => (prev?.complete && prev.conversationKey === key ? prev : next)));
      }, 0);
    };
    if (batches.length === 0) setState({ conversationKey: key, findings: [], complete: true });
    // All batches are sent at once: the background answers them in order, the page parses each as it comes.
    Promise.all(batches.map((_, b) => runBatch(b))).catch((error: unknown) => {
      if (live) console.warn('PrivacyDesk: detection failed', error instanceof Error ? error.name : 'error');
    });
    return () => {
      live = false;
    };
  }, [conversation, key, detect, fallback]);
  return state && state.conversationKey === key ? state : null;
}
