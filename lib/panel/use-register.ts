import { useCallback, useEffect, useRef, useState } from 'react';
import { sendMessage } from '@/lib/messaging/messenger';
import type { ResponseOf } from '@/lib/messaging/protocol';
import type { Conversation, ConversationMessage } from '@/lib/sites/site-adapter';
import type { LocatedFinding } from './group-findings';

type Summary = ResponseOf<'register.customerSummary'>;

/** Settles once the register has recorded a conversation (a hold needs its item there). */
interface Recorded {
  done: Promise<void>;
  resolve: () => void;
}
const recorded = (): Recorded => {
  let resolve = () => {};
  const done = new Promise<void>((r) => (resolve = r));
  return { done, resolve };
};
type State = ResponseOf<'panel.conversationState'>;

export interface RegisterView {
  summary: Summary | null;
  state: State | null;
  /** "Keep this message" toggled: stored as a hold through the background. */
  setKeep(message: ConversationMessage, keep: boolean): Promise<void>;
}

function identitiesOf(conversation: Conversation) {
  return [
    ...conversation.customer.emails.map((value) => ({ kind: 'email' as const, value })),
    ...conversation.customer.phones.map((value) => ({ kind: 'phone' as const, value })),
    ...conversation.customer.handles.map((value) => ({ kind: 'handle' as const, value, channel: conversation.tool })),
  ];
}

/**
 * Keeps the register in step with the open conversation: reports what the panel saw (ids and the types
 * of personal data, never message text), and reads back the customer card, the retention state and
 * the holds. Answers for a conversation that is no longer open are dropped.
 */
export function useRegister(conversation: Conversation | null, findings: LocatedFinding[] | null): RegisterView {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [state, setState] = useState<State | null>(null);
  const [forKey, setForKey] = useState<string | null>(null);
  const key = conversation ? `${conversation.tool}:${conversation.conversationId}` : null;
  // Per conversation: the "Keep" toggles can be pressed before all findings are in, i.e. before the conversation
  // is recorded; the hold waits for that instead of failing ("not in the register yet").
  const recordedBy = useRef(new Map<string, Recorded>());
  const recordedFor = useCallback((k: string): Recorded => {
    let r = recordedBy.current.get(k);
    if (!r) recordedBy.current.set(k, (r = recorded()));
    return r;
  }, []);

  const refreshState = useCallback(async (c: Conversation) => {
    const next = await sendMessage('panel.conversationState', {
      tool: c.tool,
      conversationId: c.conversationId,
      messageIds: c.messages.map((m) => m.id).slice(0, 5000),
    });
    return next;
  }, []);

  useEffect(() => {
    if (!conversation || !findings) return;
    let live = true;
    const typesByMessage = new Map<string, Set<string>>();
    for (const f of findings) {
      const set = typesByMessage.get(f.messageId) ?? new Set<string>();
      set.add(f.type);
      typesByMessage.set(f.messageId, set);
    }
    const identities = identitiesOf(conversation).slice(0, 50);
    (async () => {
      // Forgotten (their hash is in an erasure receipt) and not in the register again: the card says so, and
      // opening their old ticket does not silently register them anew.
      const before = await sendMessage('register.customerSummary', { identities });
      const forgotten = before.forgottenOn !== undefined && before.customerId === undefined;
      if (!forgotten)
        await sendMessage('register.observe', {
          tool: conversation.tool,
          conversationId: conversation.conversationId,
          url: conversation.url.slice(0, 2000),
          customer: { name: conversation.customer.name || undefined, identities },
          messages: conversation.messages.slice(0, 5000).map((m) => ({
            id: m.id,
            piiTypes: [...(typesByMessage.get(m.id) ?? [])],
          })),
          piiTypes: [...new Set(findings.map((f) => f.type))],
        });
      const [nextSummary, nextState] = await Promise.all([
        forgotten ? before : sendMessage('register.customerSummary', { identities }),
        refreshState(conversation),
      ]);
      recordedFor(`${conversation.tool}:${conversation.conversationId}`).resolve();
      if (!live) return;
      setSummary(nextSummary);
      setState(nextState);
      setForKey(`${conversation.tool}:${conversation.conversationId}`);
    })().catch((error: unknown) => console.warn('PrivacyDesk: register unavailable', error));
    return () => {
      live = false;
    };
  }, [conversation, findings, refreshState, recordedFor]);

  const setKeep = useCallback(
    async (message: ConversationMessage, keep: boolean) => {
      if (!conversation) return;
      await recordedFor(`${conversation.tool}:${conversation.conversationId}`).done;
      await sendMessage('register.setHold', {
        tool: conversation.tool,
        kind: 'message',
        toolId: message.id,
        keep,
        reason: keep ? 'Kept from the privacy panel' : undefined,
        conversationId: conversation.conversationId,
        otherKeptInConversation: (state?.heldMessageIds ?? []).some((id) => id !== message.id),
      });
      setState(await refreshState(conversation));
    },
    [conversation, refreshState, recordedFor, state],
  );

  const current = forKey === key;
  return { summary: current ? summary : null, state: current ? state : null, setKeep };
}
