/**
 * Wires the list-view "due" pins into a tool's page (content script). The due states come from the
 * background ('retention.listPins': tool ids and states only), asked once at start and again whenever a
 * retention run is stored. The pins live in one overlay host (see list-pins.ts), so the tool's rows never
 * move. Cheap by construction: with nothing due for this tool nothing observes the page; otherwise one
 * MutationObserver and scroll/resize listeners feed a trailing debounce, and all of it is tied to WXT's
 * ContentScriptContext (cleared on invalidation).
 */
import { sendMessage } from '../messaging/messenger';
import type { DueState } from './due-state';
import { paintListPins, type ListPins } from './list-pins';
import { rowFinders, type RowFinder } from './row-finders';
import { browser } from 'wxt/browser';
import { LAST_RUN_KEY } from './last-run-key';

/** Rows settle after a list re-renders; repaint once they stop changing for this long. */
export const PIN_DEBOUNCE_MS = 200;

/** The part of WXT's `ContentScriptContext` the runner uses (tests pass a stand-in). */
export interface PinsContext {
  readonly isValid: boolean;
  onInvalidated(callback: () => void): void;
  setTimeout(handler: () => void, timeout?: number): number;
}

export interface ListPinsDeps {
  /** The due states of this tool's items, by the tool's own id. */
  fetchStates(tool: string): Promise<Map<string, DueState>>;
  /** Calls back when a new retention run is stored; returns the unwatch function. */
  watchRuns(callback: () => void): () => void;
}

export const backgroundPinDeps: ListPinsDeps = {
  async fetchStates(tool) {
    const { pins } = await sendMessage('retention.listPins', { tool });
    return new Map(pins.map((p) => [p.toolId, p.state]));
  },
  watchRuns(callback) {
    // storage.onChanged directly rather than the settings' storage item: that would bring WXT's storage layer to the page.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && LAST_RUN_KEY in changes) callback();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};

export interface ListPinsRunner {
  /** Settles after the first fetch (tests await it). */
  ready: Promise<void>;
  /** Repaints now, skipping the debounce; returns how many pins show. */
  repaint(): number;
  stop(): void;
}

export interface ListPinsOptions {
  document?: Document;
  deps?: ListPinsDeps;
  debounceMs?: number;
}

/**
 * One runner per page: the panel's content scripts share the extension's isolated world, so a registered
 * symbol on the global marks the running one (a second start, e.g. from another entry, returns it).
 */
const RUNNING = Symbol.for('privacydesk.list-pins');
type Holder = { [RUNNING]?: ListPinsRunner };

/** Starts pins for `tool` when a row finder exists for it; undefined otherwise (nothing is touched). */
export function startListPins(
  ctx: PinsContext,
  tool: string,
  { document: doc = document, deps = backgroundPinDeps, debounceMs = PIN_DEBOUNCE_MS }: ListPinsOptions = {},
): ListPinsRunner | undefined {
  const finder: RowFinder | undefined = rowFinders[tool];
  if (!finder) return undefined;
  const holder = (doc.defaultView ?? globalThis) as unknown as Holder;
  if (holder[RUNNING]) return holder[RUNNING];
  const win = doc.defaultView;
  let states = new Map<string, DueState>();
  let pins: ListPins | undefined;
  let observer: MutationObserver | undefined;
  let timer: number | undefined;
  let stopped = false;

  const repaint = (): number => {
    timer = undefined;
    if (stopped) return 0;
    if (!pins) pins = paintListPins(doc, finder, states);
    return pins.update();
  };
  const schedule = () => {
    if (stopped || timer !== undefined) return;
    timer = ctx.setTimeout(repaint, debounceMs);
  };
  const onScroll = () => schedule();

  const observe = (on: boolean) => {
    if (on && !observer) {
      observer = new MutationObserver(schedule);
      observer.observe(doc.body, { childList: true, subtree: true });
      doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
      win?.addEventListener('resize', onScroll, { passive: true });
    } else if (!on && observer) {
      observer.disconnect();
      observer = undefined;
      doc.removeEventListener('scroll', onScroll, { capture: true });
      win?.removeEventListener('resize', onScroll);
    }
  };

  const refresh = async () => {
    try {
      states = await deps.fetchStates(tool);
    } catch {
      states = new Map(); // The background is unreachable (e.g. extension reloaded): show nothing.
    }
    if (stopped || !ctx.isValid) return;
    pins?.dispose();
    pins = undefined;
    // Nothing due in this tool: no observer, no listeners, no overlay.
    observe(states.size > 0);
    if (states.size > 0) repaint();
  };

  const unwatch = deps.watchRuns(() => void refresh());
  const stop = () => {
    stopped = true;
    if (holder[RUNNING] === runner) delete holder[RUNNING];
    unwatch();
    observe(false);
    pins?.dispose();
    pins = undefined;
  };
  ctx.onInvalidated(stop);
  const runner: ListPinsRunner = { ready: refresh(), repaint, stop };
  holder[RUNNING] = runner;
  return runner;
}
