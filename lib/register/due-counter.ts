/**
 * A materialised count of retention-due items per due day, so "how many items are due" costs a
 * few hundred small rows instead of walking every due index entry (IndexedDB counts by iterating:
 * ~250,000 due items took seconds in Chromium). A DBCore middleware keeps `dueDays` in step with
 * every write to `items` (add, put, update, modify, delete, clear) inside the same transaction, so
 * an aborted transaction rolls both back. Dexie has no built-in aggregate; this is the documented
 * extension point (dexie.org/docs/DBCore/DBCore).
 */
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { DAY_MS } from './calendar';
import type { Item } from './schemas';

export interface DueDay {
  /** Days since the epoch (UTC) of the due date. */
  day: number;
  /** Items due that day that no hold keeps. */
  count: number;
}

const ITEMS = 'items';
const DUE_DAYS = 'dueDays';
const RANGE_ANY = 3; // DBCoreRangeType.Any (a const enum, not importable at runtime)

type Counted = Pick<Item, 'held' | 'retentionDueAt'>;

export function dueDayOf(row: Counted | undefined): number | undefined {
  if (!row || row.held !== 0 || typeof row.retentionDueAt !== 'number') return undefined;
  return Math.floor(row.retentionDueAt / DAY_MS);
}

function tally(deltas: Map<number, number>, rows: readonly (Counted | undefined)[], sign: 1 | -1): void {
  for (const row of rows) {
    const day = dueDayOf(row);
    if (day !== undefined) deltas.set(day, (deltas.get(day) ?? 0) + sign);
  }
}

/*
 * Continuations use Dexie.Promise, not async/await: Dexie's lower middlewares read the current
 * transaction from Dexie's zone, which Dexie.Promise carries across `.then` and native await loses.
 */
function apply(table: DBCoreTable, trans: DBCoreTransaction, deltas: Map<number, number>): Promise<unknown> {
  const changed = [...deltas].filter(([, d]) => d !== 0);
  if (changed.length === 0) return Dexie.Promise.resolve();
  const keys = changed.map(([day]) => day);
  return Dexie.Promise.resolve(table.getMany({ trans, keys })).then((current: (DueDay | undefined)[]) => {
    const next = changed.map(([day, d], i) => ({ day, count: (current[i]?.count ?? 0) + d }));
    const keep = next.filter((r) => r.count > 0);
    const drop = next.filter((r) => r.count <= 0).map((r) => r.day);
    return Dexie.Promise.resolve(
      keep.length ? table.mutate({ type: 'put', trans, values: keep, keys: keep.map((r) => r.day) }) : null,
    ).then(() => (drop.length ? table.mutate({ type: 'delete', trans, keys: drop }) : null));
  });
}

/** The rows a mutation replaces or removes; the read is issued before the write (same transaction, in order). */
function oldRows(items: DBCoreTable, req: DBCoreMutateRequest): Promise<(Counted | undefined)[]> {
  if (req.type === 'add') return Dexie.Promise.resolve([]);
  if (req.type === 'deleteRange') {
    return Dexie.Promise.resolve(
      items.query({ trans: req.trans, values: true, query: { index: items.schema.primaryKey, range: req.range } }),
    ).then((res) => res.result as Counted[]);
  }
  const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v: { id: string }) => v.id));
  return keys.length ? items.getMany({ trans: req.trans, keys }) : Dexie.Promise.resolve([]);
}

export const dueCounterMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'privacydesk-due-counter',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' && stores.includes(ITEMS) && !stores.includes(DUE_DAYS) ? [...stores, DUE_DAYS] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const items = down.table(name);
        if (name !== ITEMS) return items;
        return {
          ...items,
          mutate(req) {
            const dueDays = down.table(DUE_DAYS);
            if (req.type === 'deleteRange' && req.range.type === RANGE_ANY) {
              return Dexie.Promise.resolve(items.mutate(req)).then((res) =>
                Dexie.Promise.resolve(dueDays.mutate({ type: 'deleteRange', trans: req.trans, range: req.range })).then(
                  () => res,
                ),
              );
            }
            const before = oldRows(items, req);
            const result = items.mutate(req);
            return Dexie.Promise.all([before, result]).then(([old, res]) => {
              const deltas = new Map<number, number>();
              tally(deltas, old, -1);
              if (req.type === 'add' || req.type === 'put') {
                tally(
                  deltas,
                  req.values.filter((_, i) => !(i in res.failures)),
                  1,
                );
                // A failed put left its old row in place: count it back.
                if (req.type === 'put')
                  tally(
                    deltas,
                    old.filter((_, i) => i in res.failures),
                    1,
                  );
              }
              return Dexie.Promise.resolve(apply(dueDays, req.trans, deltas)).then(() => res);
            });
          },
        };
      },
    };
  },
};
