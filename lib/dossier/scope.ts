/**
 * The two scopes. Access (Art. 15) is everything. Portability (Art. 20) is only what the customer
 * provided: their profile, the messages they wrote (never internal notes or agent replies), the files
 * they attached, and the conversations those belong to. Register records (holds, audit, requests) are
 * ours, not provided by the customer, so they stay out.
 */
import type { DossierScope } from './dossier-schema';
import type { DossierDraft } from './types';

export function applyScope(draft: DossierDraft, scope: DossierScope): DossierDraft {
  if (scope === 'access') return draft;
  const messages = draft.messages.filter((m) => m.fromCustomer && !m.internal);
  const messageIds = new Set(messages.map((m) => m.id));
  const conversationIds = new Set(messages.map((m) => m.conversationId));
  return {
    subject: draft.subject,
    tools: draft.tools,
    conversations: draft.conversations
      .filter((c) => conversationIds.has(c.id))
      // Retention dates and holds are the controller's records, not the customer's.
      .map(({ retentionDueAt: _due, ...c }) => ({ ...c, held: false })),
    messages,
    attachments: draft.attachments.filter((a) => messageIds.has(a.messageId)),
  };
}
