/** Intercom's search query objects ({field, operator, value} or {operator: AND|OR, value: [...]}). */
export type Query = { field: string; operator: string; value: unknown } | { operator: 'AND' | 'OR'; value: Query[] };

export type Fields = Record<string, string | number | boolean | null | (string | number)[]>;

function compare(have: Fields[string], op: string, want: unknown): boolean {
  const list = Array.isArray(have) ? have : [have];
  const eq = (a: unknown, b: unknown) => String(a).toLowerCase() === String(b).toLowerCase();
  switch (op) {
    case '=':
      return list.some((h) => eq(h, want));
    case '!=':
      return !list.some((h) => eq(h, want));
    case 'IN':
      return Array.isArray(want) && list.some((h) => want.some((w) => eq(h, w)));
    case 'NIN':
      return Array.isArray(want) && !list.some((h) => want.some((w) => eq(h, w)));
    case '<':
      return list.some((h) => Number(h) < Number(want));
    case '>':
      return list.some((h) => Number(h) > Number(want));
    case '~':
      return list.some((h) => String(h).toLowerCase().includes(String(want).toLowerCase()));
    case '!~':
      return !list.some((h) => String(h).toLowerCase().includes(String(want).toLowerCase()));
    case '^':
      return list.some((h) => String(h).toLowerCase().startsWith(String(want).toLowerCase()));
    case '$':
      return list.some((h) => String(h).toLowerCase().endsWith(String(want).toLowerCase()));
    default:
      return false;
  }
}

export function evaluate(q: Query, fields: Fields): boolean {
  if ('field' in q) return compare(fields[q.field] ?? null, q.operator, q.value);
  return q.operator === 'AND' ? q.value.every((s) => evaluate(s, fields)) : q.value.some((s) => evaluate(s, fields));
}
