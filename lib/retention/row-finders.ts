/**
 * Where the tools' list views keep their rows, and the tool's id of each row. lib/sites reads the
 * open conversation only, so the list-view selectors live here, one finder per tool, each with the
 * count it expects on its fixture (tests/unit/retention/fixtures). A finder that finds nothing
 * paints nothing: the page is left exactly as it was.
 */
import { gmailHexThreadId } from '../sites/gmail-thread-id';

export interface ListRow {
  element: Element;
  toolId: string;
}

export interface RowFinder {
  tool: string;
  selector: string;
  /** Rows on the finder's fixture page (checked by a test). */
  fixtureCount: number;
  rows(doc: Document): ListRow[];
}

function rowsBy(doc: Document, selector: string, idOf: (row: Element) => string | undefined): ListRow[] {
  const out: ListRow[] = [];
  for (const element of doc.querySelectorAll(selector)) {
    const toolId = idOf(element);
    if (toolId) out.push({ element, toolId });
  }
  return out;
}

/** Zendesk Agent Workspace views: a table row per ticket, linking to /agent/tickets/{id}. */
export const zendeskViewRows: RowFinder = {
  tool: 'zendesk',
  selector: 'tr[data-test-id="generic-table-row"]',
  fixtureCount: 4,
  rows: (doc) =>
    rowsBy(doc, zendeskViewRows.selector, (row) => {
      const href = row.querySelector('a[href*="/agent/tickets/"]')?.getAttribute('href') ?? '';
      return /\/agent\/tickets\/(\d+)/.exec(href)?.[1];
    }),
};

/**
 * Gmail's thread list: `tr.zA` rows; the subject carries the API's thread id as `data-legacy-thread-id`, or
 * only `data-thread-id="#thread-f:<decimal>"` (the same id in decimal), as the open thread's adapter reads it.
 */
export const gmailThreadRows: RowFinder = {
  tool: 'gmail',
  selector: 'tr.zA',
  fixtureCount: 3,
  rows: (doc) =>
    rowsBy(doc, gmailThreadRows.selector, (row) => {
      const legacy = row.querySelector('[data-legacy-thread-id]')?.getAttribute('data-legacy-thread-id');
      if (legacy) return legacy;
      const perm = row.querySelector('[data-thread-id]')?.getAttribute('data-thread-id') ?? '';
      return gmailHexThreadId(perm.replace(/^#/, '')) ?? undefined;
    }),
};

export const rowFinders: Readonly<Record<string, RowFinder>> = { zendesk: zendeskViewRows, gmail: gmailThreadRows };
