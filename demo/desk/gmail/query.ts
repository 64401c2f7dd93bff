/**
 * Gmail search (`q`), the subset the connectors use: from:, to:, cc:, label:, before:, after:,
 * older_than:, newer_than:, in:, free text; OR binds tighter than the implicit AND; `-` negates;
 * parentheses and `{a b}` (any of) group.
 */
import { parseDate, parseTerm, tokenize, type Term } from '../core/search-query';

export interface GmailMatchable {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  body: string;
  labelNames: string[];
  internalDate: number;
}

type Node = { and: Node[] } | { or: Node[] } | { not: Node } | { term: Term };

export function parseGmailQuery(q: string): Node {
  const tokens = tokenize(q.replace(/\{/g, ' ( ').replace(/\}/g, ' ) ').replace(/\(/g, ' ( ').replace(/\)/g, ' ) '));
  let i = 0;
  const parseAnd = (): Node => {
    const items: Node[] = [];
    while (i < tokens.length && tokens[i] !== ')') items.push(parseOr());
    return { and: items };
  };
  const parseOr = (): Node => {
    const items = [parseUnary()];
    while (tokens[i] === 'OR') {
      i++;
      items.push(parseUnary());
    }
    return items.length === 1 ? items[0]! : { or: items };
  };
  const parseUnary = (): Node => {
    const tok = tokens[i++]!;
    if (tok === '-' || tok === '-(') return { not: parseUnary() };
    if (tok === '(') {
      const inner = parseAnd();
      i++;
      return inner;
    }
    return { term: parseTerm(tok) };
  };
  return parseAnd();
}

function matchTerm(t: Term, m: GmailMatchable, now: number): boolean {
  const v = t.value.toLowerCase();
  const has = (list: string[]) => list.some((x) => x.toLowerCase().includes(v));
  switch (t.key) {
    case 'from':
      return m.from.toLowerCase().includes(v);
    case 'to':
      return has(m.to);
    case 'cc':
      return has(m.cc);
    case 'label':
    case 'in':
      return m.labelNames.some((l) => l.toLowerCase() === v);
    case 'before':
    case 'after': {
      const d = parseDate(t.value, now) ?? NaN;
      return t.key === 'before' ? m.internalDate < d : m.internalDate >= d;
    }
    case 'older_than':
    case 'newer_than': {
      const d = parseDate(t.value, now) ?? NaN;
      return t.key === 'older_than' ? m.internalDate < d : m.internalDate >= d;
    }
    case 'subject':
      return m.subject.toLowerCase().includes(v);
    default:
      return `${m.from} ${m.to.join(' ')} ${m.cc.join(' ')} ${m.subject} ${m.body}`
        .toLowerCase()
        .includes(t.key ? `${t.key}:${v}` : v);
  }
}

export function matches(node: Node, m: GmailMatchable, now: number): boolean {
  if ('and' in node) return node.and.every((n) => matches(n, m, now));
  if ('or' in node) return node.or.some((n) => matches(n, m, now));
  if ('not' in node) return !matches(node.not, m, now);
  const hit = matchTerm(node.term, m, now);
  return node.term.negated ? !hit : hit;
}
