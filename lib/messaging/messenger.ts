/**
 * Typed, validated messaging on top of @webext-core/messaging: requests are parsed with zod on
 * receipt, responses are parsed by the sender, and senders outside our own contexts are refused.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { protocol, type MessageType, type ProtocolMap, type RequestOf, type ResponseOf } from './protocol';
import { isOwnContext, type SenderLike } from './sender-guard';

const messenger = defineExtensionMessaging<ProtocolMap>();

export class RefusedMessageError extends Error {
  override name = 'RefusedMessageError';
}

export async function sendMessage<T extends MessageType>(
  type: T,
  request: RequestOf<T>,
  tabId?: number,
): Promise<ResponseOf<T>> {
  const spec = protocol[type];
  const payload = spec.request.parse(request) as RequestOf<T>;
  const send = messenger.sendMessage as (t: T, d: RequestOf<T>, tab?: number) => Promise<unknown>;
  const raw = await send(type, payload, tabId);
  return spec.response.parse(raw) as ResponseOf<T>;
}

export function onMessage<T extends MessageType>(
  type: T,
  handler: (request: RequestOf<T>, sender: SenderLike) => Promise<ResponseOf<T>> | ResponseOf<T>,
): () => void {
  const spec = protocol[type];
  const listen = messenger.onMessage as (
    t: T,
    cb: (m: { data: unknown; sender: SenderLike }) => Promise<ResponseOf<T>>,
  ) => () => void;
  return listen(type, async ({ data, sender }) => {
    const ownOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
    if (!isOwnContext(sender, browser.runtime.id, ownOrigin)) {
      throw new RefusedMessageError(`Refused "${String(type)}" from a context that is not PrivacyDesk's own`);
    }
    const request = spec.request.parse(data) as RequestOf<T>;
    return spec.response.parse(await handler(request, sender)) as ResponseOf<T>;
  });
}
