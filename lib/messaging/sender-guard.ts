/**
 * Accept messages only from the extension's own contexts: its pages and service worker, and its
 * content script running in a tab. Web pages cannot reach runtime.onMessage without
 * `externally_connectable` (which the manifest does not declare) and other extensions arrive on
 * onMessageExternal (never listened to); this check is the second lock on the same door.
 */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
}

export function isOwnContext(sender: SenderLike, ownId: string, ownOrigin: string): boolean {
  if (sender.id !== ownId) return false;
  // An extension page or the service worker: its URL is on our own origin.
  if (!sender.tab) return typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
  // A content script: it runs in a tab on a web page; its id proves it is ours.
  return typeof sender.tab.id === 'number';
}
