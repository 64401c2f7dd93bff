/**
 * What the panel's three scripts on the tool's page hand each other. Chromium evaluates them in tasks of their own
 * (one bundle was one long task to compile, `npm run bench:page`):
 * - the bootstrap (entrypoints/panel.content, document_start) leaves its context and the margin it reserved;
 * - the reader (entrypoints/reader.content) takes those, reads the conversation, starts detection in the background
 *   (the scan ahead) and shares its messenger (the zod protocol) once that is initialised;
 * - the UI (entrypoints/panel-ui.content) mounts the panel for the reader's start, takes the scan ahead, and sends
 *   its messages through the reader's messenger, so it carries no copy of the schemas.
 * All run in the extension's isolated world: a global keyed by a registered symbol is private to the extension,
 * and shared by the scripts' separate copies of this module. Either side of each hand-over may come first.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { sendMessage } from '@/lib/messaging/messenger';
import type { SiteAdapter } from '@/lib/sites/site-adapter';
import type { ConversationFeed } from './conversation-feed';
import type { FindingsScan } from './findings-scan';
import type { ReservedSpace } from './reserved-space';

/** What the bootstrap leaves for the reader. */
export interface PanelBoot {
  /** The document_start script's context: the panel lives and dies with it. */
  ctx: ContentScriptContext;
  /** The margin already reserved for the panel before the page's first layout. */
  space: ReservedSpace;
}

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
  boot?: PanelBoot;
  messenger?: PageMessenger;
  start?: PanelStart;
  mount?: (start: PanelStart) => void;
  /** At most one scan started ahead of the panel (for the latest read), waiting to be taken by it. */
  ahead?: { key: string; scan: FindingsScan };
}

const KEY = Symbol.for('privacydesk.page-handoff');

function handoff(): Handoff {
  const holder = globalThis as { [KEY]?: Handoff };
  return (holder[KEY] ??= {});
}

export function offerPanelBoot(boot: PanelBoot): void {
  handoff().boot = boot;
}

/** The boot left by the bootstrap (once), or null when the user started the generic reader. */
export function takePanelBoot(): PanelBoot | null {
  const state = handoff();
  const { boot = null } = state;
  delete state.boot;
  return boot;
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
  handoff().start = start;
  mountWhenBothAreThere();
}

/** The UI: how to mount the panel, called once with the reader's start (at once if it was given already). */
export function onPanelStart(mount: (start: PanelStart) => void): void {
  handoff().mount = mount;
  mountWhenBothAreThere();
}

function mountWhenBothAreThere(): void {
  const state = handoff();
  const { start, mount } = state;
  if (!start || !mount) return;
  delete state.start;
  delete state.mount;
  mount(start);
}

/** Keeps the scan started ahead for a read (cancelling the one kept before). */
export function offerScanAhead(key: string, scan: FindingsScan): void {
  const state = handoff();
  state.ahead?.scan.cancel();
  state.ahead = { key, scan };
}

/** The scan started ahead for this read, once (null when none was, or it was for another read). */
export function takeScanAhead(key: string): FindingsScan | null {
  const state = handoff();
  const { ahead } = state;
  if (ahead?.key !== key) return null;
  delete state.ahead;
  return ahead.scan;
}
