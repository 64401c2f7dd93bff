/**
 * Gmail's thread ids: the page carries `data-thread-perm-id="thread-f:<decimal>"`; the Gmail API's thread id is
 * that number in hex. Apart from the adapter (lib/sites/adapters/gmail.ts) so the retention pins on Gmail's list
 * (lib/retention/row-finders.ts), in the panel's UI script, do not carry the whole adapter.
 */

/** `thread-f:1784201234567890123` -> the API's hex id; null for other forms. */
export function gmailHexThreadId(permId: string): string | null {
  const match = /^thread-f:(\d{1,20})$/.exec(permId.trim());
  if (!match?.[1]) return null;
  return BigInt(match[1]).toString(16);
}
