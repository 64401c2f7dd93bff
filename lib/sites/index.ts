/**
 * The site-adapter API the panel uses:
 * - `adapterForUrl(url)` picks the adapter for a tool page (or `genericAdapter` when the user starts the reader);
 * - `adapter.readConversation(document, url)` returns the conversation or a failure with diagnostics;
 * - `watchConversation(ctx, adapter, { onChange })` re-reads on navigation and DOM changes.
 */
export type {
  Conversation,
  ConversationMessage,
  Customer,
  HealthCheck,
  ReadFailureReason,
  ReadResult,
  SelectorSpec,
  SiteAdapter,
  ToolId,
} from './site-adapter';
export { adapters, adapterById, genericAdapter, siteAdapters } from './registry';
export { adapterForUrl, siteForUrl } from './site-for-url';
export { contentScriptMatches, supportedSites, type SupportedSite } from './host-patterns';
export {
  watchConversation,
  type ConversationWatcher,
  type WatchContext,
  type WatchOptions,
} from './watch-conversation';
export { sameRead } from './same-read';
