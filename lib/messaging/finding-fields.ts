/**
 * Numbers per finding in `panel.detect`'s answer (lib/messaging/panel-messages.ts, lib/panel/finding-codec.ts). In a
 * module of its own so the page's UI script can decode findings without carrying the message schemas (zod).
 */
export const FINDING_FIELDS = 5;
