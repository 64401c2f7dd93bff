/**
 * The hand-over between the panel's two scripts on the tool's page, which Chromium evaluates in tasks of their own
 * (a single bundle was one long task to compile, `npm run bench:page`):
 * - the reader (entrypoints/reader.content) reads the conversation, starts detection in the background and shares
 *   its messenger (the zod protocol) once that is initialised;
 * - the panel's UI (entrypoints/panel-ui.content) mounts the panel for the reader's start, and sends its messages
 *   through the reader's messenger, so the UI script carries no copy of the schemas.
 * Both run in the extension's isolated world: a global keyed by a registered symbol is private to the extension.
 * Either may come first; each side waits for the other.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { sendMessage } from '@/lib/messaging/messenger';
import type { SiteAdapter } from '@/lib/sites/site-adapter';
import type { ConversationFeed } from './conversation-feed';
import type { ReservedSpace } from './reserved-space';

export interface PageMessenger {
  sendMessage: typeof sendMessage;
}

/** What the UI needs to mount the panel: the reader's context, adapter and feed of reads. */
export interface PanelStart {
  ctx: ContentScriptContext;
  adapter: SiteAdapter;
  feed: ConversationFeed;
  /** The margin reserved at document_start on the tools' pages (absent for the generic reader). */
  space?: ReservedSpace;
}

interface Handoff {
  messenger?: PageMessenger;
  start?: PanelStart;
  mount?: (start: PanelStart) => void;
}

const KEY = Symbol.for('privacydesk.page-handoff');

function handoff(): Handoff {
  const holder = globalThis as { [KEY]?: Handoff };
  return (holder[KEY] ??= {});
}

export function shareMessenger(messenger: PageMessenger): void {
  handoff().messenger = messenger;
}

/** The reader's messenger; the UI asks for it only after its start, which the reader gives once it is shared. */
export function sharedMessenger(): PageMessenger {
  const { messenger } = handoff();
  if (!messenger) throw new Error('PrivacyDesk: the page reader has not shared its messenger yet');
  return messenger;
}

/** The reader: the panel can mount now (at once if the UI is there, else when it registers). */
export function startPanel(start: PanelStart): void {
  const state = handoff();
  const { mount } = state;
  if (!mount) {
    state.start = start;
    return;
  }
  delete state.mount;
  mount(start);
}

/** The UI: how to mount the panel, called once with the reader's start (at once if it was given already). */
export function onPanelStart(mount: (start: PanelStart) => void): void {
  const state = handoff();
  const { start } = state;
  if (!start) {
    state.mount = mount;
    return;
  }
  delete state.start;
  mount(start);
}
