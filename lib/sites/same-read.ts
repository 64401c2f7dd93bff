import type { Customer } from './site-adapter';
import type { ReadResult } from './site-adapter';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const sameCustomer = (a: Customer, b: Customer) =>
  a.name === b.name && sameList(a.emails, b.emails) && sameList(a.phones, b.phones) && sameList(a.handles, b.handles);

/**
 * Whether two reads show the conversation in the same state: the same tool, id, subject, customer and messages
 * (ids, authors, times, who wrote them, texts); a failure is the same when its reason and failed selectors are.
 * Compared field by field rather than by a hash of the content: string comparison is native, and the first read
 * of a page has nothing to compare with, so it costs nothing (measured with scripts/page/profile.ts: hashing a
 * 1,000-message thread's texts in script took ~25 ms of the page's time on every read).
 */
export function sameRead(a: ReadResult | null, b: ReadResult): boolean {
  if (a === null) return false;
  if (!a.ok || !b.ok) {
    return !a.ok && !b.ok && a.reason === b.reason && sameList(a.failed, b.failed);
  }
  const x = a.conversation;
  const y = b.conversation;
  if (x.tool !== y.tool || x.conversationId !== y.conversationId || x.subject !== y.subject) return false;
  if (x.messages.length !== y.messages.length || !sameCustomer(x.customer, y.customer)) return false;
  return x.messages.every((m, i) => {
    const n = y.messages[i]!;
    return (
      m.id === n.id &&
      m.author === n.author &&
      m.sentAt === n.sentAt &&
      m.fromCustomer === n.fromCustomer &&
      m.text === n.text &&
      m.authorEmail === n.authorEmail &&
      m.internal === n.internal
    );
  });
}
