import { memo, useState } from 'react';
import { i18n } from '#i18n';
import type { ConversationMessage } from '@/lib/sites/site-adapter';

export interface MessageHoldsProps {
  messages: readonly ConversationMessage[];
  held: ReadonlySet<string>;
  onToggle: (message: ConversationMessage, keep: boolean) => void;
  formatDate: (iso: string) => string;
}

/**
 * One "Keep this message" toggle per message (pressed = held: never erased, never cleaned up). A first page of a long
 * thread is listed, the rest on request: rendering 50 was the panel's largest render (~15–30 ms on the 1,000-message
 * thread, scripts/page/profile.ts).
 */
export const MESSAGES_SHOWN = 20;

/** Memoised: on a long thread a render costs the page noticeable time; it re-renders only when its data changes. */
export const MessageHolds = memo(function MessageHolds({ messages, held, onToggle, formatDate }: MessageHoldsProps) {
  const [all, setAll] = useState(false);
  // Held messages always show, so a hold is never out of sight; the rest up to a first page. Without holds (the
  // usual case) the first page is a slice: the filter calls back once per message of a 1,000-message thread.
  const shown = all
    ? messages
    : held.size === 0
      ? messages.slice(0, MESSAGES_SHOWN)
      : messages.filter((m, i) => i < MESSAGES_SHOWN || held.has(m.id));
  // Once, not per message: each lookup is a call into the extension API.
  const keepLabel = i18n.t('panel.keep');
  return (
    <section className="pd-section" aria-labelledby="pd-messages-heading">
      <h3 id="pd-messages-heading" className="pd-section-title">
        {i18n.t('panel.messagesTitle')}
      </h3>
      <ol className="pd-messages">
        {shown.map((message) => {
          const pressed = held.has(message.id);
          return (
            <li key={message.id} className="pd-message" data-message-id={message.id}>
              <span className="pd-message-meta">
                {message.author}
                {message.sentAt ? ` · ${formatDate(message.sentAt)}` : ''}
              </span>
              <button
                type="button"
                className="pd-keep"
                aria-pressed={pressed}
                onClick={() => onToggle(message, !pressed)}
              >
                {keepLabel}
              </button>
            </li>
          );
        })}
      </ol>
      {shown.length < messages.length && (
        <button type="button" className="pd-link-button" onClick={() => setAll(true)}>
          {i18n.t('panel.showAllMessages', [String(messages.length)])}
        </button>
      )}
    </section>
  );
});
