import { useEffect, useState } from 'react';
import { detectPiiSliced } from '@/lib/pii';
import type { Conversation } from '@/lib/sites/site-adapter';
import type { LocatedFinding } from './group-findings';

export interface FindingsState {
  /** The conversation the findings belong to (never shown for another one). */
  conversationKey: string;
  findings: LocatedFinding[];
}

/**
 * Personal data in the open conversation, detected in time-boxed slices so the page stays responsive.
 * A scan still running when the conversation changes is aborted; its results are never shown.
 */
export function useFindings(conversation: Conversation | null, key: string | null): FindingsState | null {
  const [state, setState] = useState<FindingsState | null>(null);
  useEffect(() => {
    if (!conversation || !key) return;
    const abort = new AbortController();
    const texts = conversation.messages.map((m) => m.text);
    detectPiiSliced(texts, {
      signal: abort.signal,
      hints: {
        names: conversation.customer.name ? [conversation.customer.name] : [],
        emails: conversation.customer.emails,
        phones: conversation.customer.phones,
      },
    }).then(
      (perMessage) => {
        if (abort.signal.aborted) return;
        const findings = perMessage.flatMap((list, i) =>
          list.map((f) => ({ ...f, messageId: conversation.messages[i]?.id ?? String(i) })),
        );
        setState({ conversationKey: key, findings });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) console.warn('PrivacyDesk: detection failed', error);
      },
    );
    return () => abort.abort();
  }, [conversation, key]);
  return state && state.conversationKey === key ? state : null;
}
