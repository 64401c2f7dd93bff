/** Splits a search string into terms, keeping quoted phrases: `a:"b c" -d:e f` → [a:"b c", -d:e, f]. */
export interface Term {
  negated: boolean;
  key?: string;
  op?: ':' | '<' | '>';
  value: string;
}

export function tokenize(query: string): string[] {
  return query.match(/(?:[^\s"()]+(?:"[^"]*")?|"[^"]*"|[()])/g) ?? [];
}

export function parseTerm(token: string): Term {
  const negated = token.startsWith('-') && token.length > 1;
  const t = negated ? token.slice(1) : token;
  const m = /^([A-Za-z_.]+)([:<>])(.*)$/.exec(t);
  const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1');
  if (!m) return { negated, value: unquote(t) };
  return { negated, key: m[1]!.toLowerCase(), op: m[2] as Term['op'], value: unquote(m[3]!) };
}

/** `2024-01-31`, `2024/01/31`, or relative `2years`, `30days`, `12hours` (before now). */
export function parseDate(value: string, now: number): number | undefined {
  const rel = /^(\d+)(minutes?|hours?|days?|weeks?|months?|years?|[hdwmy])$/.exec(value);
  if (rel) {
    const n = Number(rel[1]);
    const unit = rel[2]!;
    const day = 24 * 3600 * 1000;
    const ms = unit.startsWith('min')
      ? 60_000
      : unit.startsWith('h')
        ? 3600_000
        : unit.startsWith('d')
          ? day
          : unit.startsWith('w')
            ? 7 * day
            : unit.startsWith('mo') || unit === 'm'
              ? 30 * day
              : 365 * day;
    return now - n * ms;
  }
  const d = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  if (d) return Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}
