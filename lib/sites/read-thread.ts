import { mailtoAddresses, plainText, telNumbers, unique } from './page-text';
import type { ConversationMessage, Customer } from './site-adapter';

/** How one site finds the parts of a message element. */
export interface MessageParts {
  id(el: Element, index: number): string;
  author(el: Element): string;
  authorEmail?(el: Element): string;
  fromCustomer(el: Element): boolean;
  sentAt(el: Element): string | null;
  body(el: Element): Element | null;
  internal?(el: Element): boolean;
  /** Elements inside the body that are not the message itself (quoted history, signatures). */
  exclude?: string;
}

/**
 * Reads message elements in page order and collects the customer's identities from the customer's own
 * messages (sender address, mailto: and tel: links). Shared by the adapters whose messages are a flat list.
 */
export function readMessages(
  elements: Element[],
  parts: MessageParts,
): { messages: ConversationMessage[]; customer: Customer } {
  const messages: ConversationMessage[] = [];
  const emails: string[] = [];
  const phones: string[] = [];
  let name = '';
  elements.forEach((el, index) => {
    const fromCustomer = parts.fromCustomer(el);
    const body = parts.body(el);
    const author = parts.author(el);
    const authorEmail = parts.authorEmail?.(el).toLowerCase() || undefined;
    if (fromCustomer) {
      name ||= author;
      if (authorEmail) emails.push(authorEmail);
      if (body) {
        emails.push(...mailtoAddresses(body));
        phones.push(...telNumbers(body));
      }
    }
    messages.push({
      id: parts.id(el, index),
      author,
      ...(authorEmail ? { authorEmail } : {}),
      fromCustomer,
      sentAt: parts.sentAt(el),
      text: plainText(body, parts.exclude ? { exclude: parts.exclude } : {}),
      ...(parts.internal?.(el) ? { internal: true } : {}),
    });
  });
  return { messages, customer: { name, emails: unique(emails), phones: unique(phones), handles: [] } };
}

/** Adds identities shown in a customer sidebar to those found in the messages. */
export function mergeCustomer(base: Customer, extra: Partial<Customer>): Customer {
  return {
    name: extra.name || base.name,
    emails: unique([...(extra.emails ?? []), ...base.emails]),
    phones: unique([...(extra.phones ?? []), ...base.phones]),
    handles: unique([...(extra.handles ?? []), ...base.handles]),
  };
}
