/**
 * Scoring shared by eval and bench, following ../shared/pii-cases/README.md: a prediction matches a gold span
 * of the same type when their overlap is at least half of the longer span; `optional` gold spans are neither
 * rewarded nor penalised; `scope` limits which predicted types count; `exhaustive: false` counts only hits
 * and misses (no false positives).
 */
export interface Span {
  type: string;
  start: number;
  end: number;
  optional?: boolean;
}
export interface Case {
  id: string;
  text: string;
  entities: Span[];
  scope?: string[];
  exhaustive?: boolean;
  region?: string;
}
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export type Tally = Map<string, Counts>;

const matches = (a: Span, b: Span) => {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return a.type === b.type && overlap > 0 && overlap >= 0.5 * Math.max(a.end - a.start, b.end - b.start);
};

function bump(t: Tally, type: string, key: keyof Counts): void {
  const c = t.get(type) ?? { tp: 0, fp: 0, fn: 0 };
  c[key]++;
  t.set(type, c);
}

/** Adds one case's outcome to `tally`; only types in `types` are scored. */
export function scoreCase(c: Case, predicted: Span[], types: ReadonlySet<string>, tally: Tally): void {
  const scope = c.scope ? new Set(c.scope) : null;
  const counted = (type: string) => types.has(type) && (!scope || scope.has(type));
  const gold = c.entities.filter((e) => counted(e.type));
  const preds = predicted.filter((p) => counted(p.type));
  const used = new Set<number>();
  // Required gold first, so an optional span cannot take a prediction a required one needs.
  const order = [...gold].sort((a, b) => Number(!!a.optional) - Number(!!b.optional));
  for (const g of order) {
    const i = preds.findIndex((p, k) => !used.has(k) && matches(p, g));
    if (i >= 0) {
      used.add(i);
      if (!g.optional) bump(tally, g.type, 'tp');
    } else if (!g.optional) bump(tally, g.type, 'fn');
  }
  if (c.exhaustive === false) return;
  preds.forEach((p, k) => {
    if (!used.has(k)) bump(tally, p.type, 'fp');
  });
}

export const f1 = ({ tp, fp, fn }: Counts) => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

export function micro(t: Tally): Counts & { precision: number; recall: number; f1: number } {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const c of t.values()) {
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
  }
  return { ...sum, ...f1(sum) };
}

export function table(t: Tally): string {
  const rows = [...t.entries()].sort(([a], [b]) => a.localeCompare(b));
  const fmt = (x: number) => x.toFixed(3);
  const lines = rows.map(([type, c]) => {
    const s = f1(c);
    return `  ${type.padEnd(20)} P ${fmt(s.precision)}  R ${fmt(s.recall)}  F1 ${fmt(s.f1)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
  });
  const m = micro(t);
  lines.push(
    `  ${'micro'.padEnd(20)} P ${fmt(m.precision)}  R ${fmt(m.recall)}  F1 ${fmt(m.f1)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`,
  );
  return lines.join('\n');
}
