/**
 * Small "due" pins on the tools' list views. They never touch the tool's rows: one overlay host is
 * appended to <body>, its shadow root holds absolutely positioned pins placed over each due row's
 * box, with `pointer-events: none`, so the page's layout and clicks are exactly as before.
 * Call `update()` after scrolling or list changes (re-finds the rows) and `dispose()` to remove all.
 */
import { i18n } from '#i18n';
import type { DueState } from './due-state';
import type { RowFinder } from './row-finders';

export const PIN_HOST_ATTRIBUTE = 'data-privacydesk-pins';

const STYLE = `
:host { all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible; pointer-events: none; z-index: 2147483646; }
.pin { position: absolute; pointer-events: none; font: 600 10px/14px system-ui, sans-serif; padding: 0 4px; border-radius: 7px; color: #fff; background: #b45309; white-space: nowrap; }
.pin[data-retention-state="overdue"] { background: #b91c1c; }
`;

export interface ListPins {
  update(): number;
  dispose(): void;
}

function hostFor(doc: Document): { host: HTMLElement; root: ShadowRoot } {
  const existing = doc.querySelector<HTMLElement>(`[${PIN_HOST_ATTRIBUTE}]`);
  if (existing?.shadowRoot) return { host: existing, root: existing.shadowRoot };
  const host = doc.createElement('div');
  host.setAttribute(PIN_HOST_ATTRIBUTE, '');
  host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;pointer-events:none;';
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  root.append(style);
  doc.body.append(host);
  return { host, root };
}

/** Paints a pin for every row whose tool id is due; returns a handle to repaint or remove them. */
export function paintListPins(doc: Document, finder: RowFinder, states: ReadonlyMap<string, DueState>): ListPins {
  let handle: { host: HTMLElement; root: ShadowRoot } | undefined;

  const update = (): number => {
    const due = finder.rows(doc).filter((r) => {
      const state = states.get(r.toolId);
      return state === 'due' || state === 'overdue';
    });
    if (due.length === 0 && !handle) return 0;
    handle ??= hostFor(doc);
    for (const old of handle.root.querySelectorAll('.pin')) old.remove();
    const win = doc.defaultView;
    const scrollX = win?.scrollX ?? 0;
    const scrollY = win?.scrollY ?? 0;
    for (const row of due) {
      const state = states.get(row.toolId) as 'due' | 'overdue';
      const box = row.element.getBoundingClientRect();
      const pin = doc.createElement('span');
      pin.className = 'pin';
      pin.dataset.retentionState = state;
      pin.dataset.toolId = row.toolId;
      pin.textContent = i18n.t(state === 'due' ? 'retention.pinDue' : 'retention.pinOverdue');
      pin.title = i18n.t('retention.pinLabel', [pin.textContent]);
      pin.style.top = `${Math.round(box.top + scrollY + 2)}px`;
      pin.style.left = `${Math.round(box.right + scrollX - 56)}px`;
      handle.root.append(pin);
    }
    return due.length;
  };

  update();
  return {
    update,
    dispose() {
      handle?.host.remove();
      handle = undefined;
    },
  };
}

/** The pin states for one tool's rows, from the last run's summary (what a content script reads). */
export function dueStatesForTool(
  items: readonly { tool: string; toolId: string; state: DueState; held: boolean }[],
  tool: string,
): Map<string, DueState> {
  return new Map(items.filter((i) => i.tool === tool && !i.held).map((i) => [i.toolId, i.state]));
}
