/**
 * The one protocol between content script, background and extension pages. Each message has a
 * zod schema for its request and its response; the types are derived from the schemas, and both
 * ends parse what they receive (see messenger.ts).
 */
import * as z from 'zod/mini';
import { registerMessages } from '../register/messages';
import { connectionMessages } from './connection-messages';
import { erasureMessages } from './erasure-messages';
import { exportMessages } from './export-messages';
import { panelMessages } from './panel-messages';
import { retentionMessages } from './retention-messages';

export const protocol = {
  /** Health check: the background answers with its version and the time it has been up. */
  ping: {
    request: z.strictObject({ from: z.enum(['content', 'popup', 'dashboard']) }),
    response: z.strictObject({ ok: z.literal(true), version: z.string(), uptimeMs: z.number().check(z.nonnegative()) }),
  },
  ...registerMessages,
  ...panelMessages,
  ...connectionMessages,
  ...erasureMessages,
  ...exportMessages,
  ...retentionMessages,
} as const;

export type MessageType = keyof typeof protocol;
export type RequestOf<T extends MessageType> = z.infer<(typeof protocol)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<(typeof protocol)[T]['response']>;

/** The shape @webext-core/messaging wants: `type -> (request) => response`. */
export type ProtocolMap = { [T in MessageType]: (request: RequestOf<T>) => ResponseOf<T> };
