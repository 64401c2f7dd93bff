import { startTransition, useLayoutEffect, useState } from 'react';
import type { Conversation } from '@/lib/sites/site-adapter';
import {
  detectAgain,
  detectInBackground,
  startFindingsScan,
  type DetectBatch,
  type FindingsScan,
} from './findings-scan';
import { takeScanAhead } from './page-handoff';
import { markPhase } from './phase-mark';
import { groupFindingsInSlices, type FindingGroup, type LocatedFinding } from './group-findings';
import { yieldToPage } from '@/lib/sites/yield-to-page';

export {
  batchesOf,
  detectAgain,
  detectInBackground,
  FIRST_BATCH,
  NEXT_BATCHES,
  type DetectBatch,
  type DetectHints,
} from './findings-scan';

export interface FindingsState {
  /** The conversation the findings belong to (never shown for another one). */
  conversationKey: string;
  findings: LocatedFinding[];
  /** False while batches are still being scanned: the list grows in message order. */
  complete: boolean;
  /** The findings grouped for the list (in a task of its own, before the render that shows them). */
  groups: FindingGroup[];
}

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
  // A layout effect: the scan's answers are often in already, and an effect waits for the next frame first.
  useLayoutEffect(() => {
    if (!conversation || !key) return;
    let live = true;
    // Started ahead (by the panel bundle, while the UI loaded) when it was for this very read.
    const ahead = detect === detectInBackground && fallback === detectAgain ? takeScanAhead(key) : null;
    const scan: FindingsScan = ahead ?? startFindingsScan(conversation, detect, fallback);
    const done: (LocatedFinding[] | undefined)[] = scan.results.map(() => undefined);
    const onBatch = (b: number, located: LocatedFinding[] | undefined): void => {
      if (!live || !located) return;
      done[b] = located;
      // Shown in message order, twice: when the first batch is in (the first findings soon) and when all are in.
      // Each render waits for a task of its own, apart from parsing the answer.
      const ready = done.findIndex((d) => d === undefined);
      const complete = ready === -1;
      if (!(complete || (b === 0 && ready !== 0))) return;
      const upTo = complete ? done.length : ready;
      const findings = done.slice(0, upTo).flatMap((d) => d ?? []);
      // Grouping thousands of findings (in slices) and rendering them are tasks of their own, apart from parsing
      // the answer.
      void groupFindingsInSlices(findings, { isCurrent: () => live }).then((groups) => {
        if (!groups) return;
        markPhase(complete ? 'findings-grouped' : 'first-findings-grouped');
        const next = { conversationKey: key, findings, complete, groups };
        void yieldToPage().then(() => {
          if (live)
            startTransition(() => setState((prev) => (prev?.complete && prev.conversationKey === key ? prev : next)));
        });
      });
    };
    if (scan.results.length === 0) setState({ conversationKey: key, findings: [], complete: true, groups: [] });
    Promise.all(scan.results.map((result, b) => result.then((located) => onBatch(b, located)))).catch(
      (error: unknown) => {
        if (live) console.warn('PrivacyDesk: detection failed', error instanceof Error ? error.name : 'error');
      },
    );
    return () => {
      live = false;
      scan.cancel();
    };
  }, [conversation, key, detect, fallback]);
  return state && state.conversationKey === key ? state : null;
}
