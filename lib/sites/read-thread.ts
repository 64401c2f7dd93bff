import { linkIdentities, plainText, unique } from './page-text';
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
  /** Elements to leave out (checked per message, inside the sliced loop, because it can be costly). */
  skip?(el: Element): boolean;
  /** Elements inside the body that are not the message itself (quoted history, signatures). */
  exclude?: string;
}

/**
 * Collects messages one element at a time (so long threads can be read in slices) and the customer's identities
 * from the customer's own messages: sender address, mailto: and tel: links.
 */
export class MessageCollector {
  readonly messages: ConversationMessage[] = [];
  private name = '';
  private readonly emails: string[] = [];
  private readonly phones: string[] = [];

  constructor(private readonly parts: MessageParts) {}

  add(el: Element, index: number): void {
    const { parts } = this;
    if (parts.skip?.(el)) return;
    const fromCustomer = parts.fromCustomer(el);
    const body = parts.body(el);
    const author = parts.author(el);
    const authorEmail = parts.authorEmail?.(el).toLowerCase() || undefined;
    if (fromCustomer) {
      this.name ||= author;
      if (authorEmail) this.emails.push(authorEmail);
      if (body) {
        const links = linkIdentities(body);
        this.emails.push(...links.emails);
        this.phones.push(...links.phones);
      }
    }
    this.messages.push({
      id: parts.id(el, index),
      author,
      ...(authorEmail ? { authorEmail } : {}),
      fromCustomer,
      sentAt: parts.sentAt(el),
      text: plainText(body, parts.exclude ? { exclude: parts.exclude } : {}),
      ...(parts.internal?.(el) ? { internal: true } : {}),
    });
  }

  customer(): Customer {
    return { name: this.name, emails: unique(this.emails), phones: unique(this.phones), handles: [] };
  }
}

/** Adds identities shown in a customer sidebar to those found in the messages; drops the agent's own addresses. */
export function mergeCustomer(base: Customer, extra: Partial<Customer>, agentEmails: readonly string[] = []): Customer {
  return {
    name: extra.name || base.name,
    emails: unique([...(extra.emails ?? []), ...base.emails]).filter((e) => !agentEmails.includes(e)),
    phones: unique([...(extra.phones ?? []), ...base.phones]),
    handles: unique([...(extra.handles ?? []), ...base.handles]),
  };
}
