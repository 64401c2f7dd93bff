import { i18n } from '#i18n';
import type { DataSubjectRequest, Hold, Item } from '@/lib/register/schemas';
import { requestKindLabel, toolLabel } from './format';

export interface TimelineEvent {
  key: string;
  at: number;
  text: string;
}

/** A customer's history, newest first: conversations first seen, requests received, holds placed. */
export function customerTimeline(
  items: readonly Item[],
  requests: readonly DataSubjectRequest[],
  holds: readonly Hold[],
): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...items
      .filter((i) => i.kind === 'conversation')
      .map((i) => ({ key: `i${i.id}`, at: i.firstSeen, text: i18n.t('register.eventFirstSeen', [toolLabel(i.tool)]) })),
    ...requests.map((r) => ({
      key: `r${r.id}`,
      at: r.receivedAt,
      text: i18n.t('register.eventRequest', [requestKindLabel(r.kind)]),
    })),
    ...holds.map((h) => ({ key: `h${h.id}`, at: h.since, text: i18n.t('register.eventHold', [h.reason]) })),
  ];
  return events.sort((a, b) => b.at - a.at);
}
