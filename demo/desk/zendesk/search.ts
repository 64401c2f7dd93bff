/** Zendesk search syntax, the subset the connectors use: type, requester, cc, commenter, status, updated/created, tags. */
import { parseDate, parseTerm, tokenize } from '../core/search-query';
import { STATUS_ORDER, type ZdTicket, type ZdUser } from './model';

export interface SearchHit {
  kind: 'ticket' | 'user';
  ticket?: ZdTicket;
  user?: ZdUser;
}

export function searchZendesk(
  query: string,
  tickets: ZdTicket[],
  users: Map<number, ZdUser>,
  now: number,
): SearchHit[] | { error: string } {
  const terms = tokenize(query).map(parseTerm);
  const type = terms.find((t) => t.key === 'type')?.value ?? 'ticket';
  const userByEmail = (email: string) =>
    [...users.values()].find(
      (u) => !u.deletedAt && [u.email, ...(u.otherEmails ?? [])].some((e) => e.toLowerCase() === email.toLowerCase()),
    );

  if (type === 'user') {
    const hits = [...users.values()].filter(
      (u) =>
        !u.deletedAt &&
        terms.every((t) => {
          if (t.key === 'type') return true;
          const v = t.value.toLowerCase();
          const match =
            t.key === 'email' ? u.email.toLowerCase() === v : `${u.name} ${u.email}`.toLowerCase().includes(v);
          return t.negated ? !match : match;
        }),
    );
    return hits.map((user) => ({ kind: 'user' as const, user }));
  }
  if (type !== 'ticket') return { error: `unsupported type ${type}` };

  const out: SearchHit[] = [];
  for (const ticket of tickets) {
    if (ticket.deletedAt) continue;
    let ok = true;
    for (const t of terms) {
      let match: boolean;
      switch (t.key) {
        case 'type':
          continue;
        case 'requester':
          match = userByEmail(t.value)?.id === ticket.requesterId;
          break;
        case 'cc': {
          const u = userByEmail(t.value);
          match = !!u && ticket.collaboratorIds.includes(u.id);
          break;
        }
        case 'commenter': {
          const u = userByEmail(t.value);
          match = !!u && ticket.comments.some((c) => c.authorId === u.id);
          break;
        }
        case 'status': {
          const want = STATUS_ORDER.indexOf(t.value as ZdTicket['status']);
          const have = STATUS_ORDER.indexOf(ticket.status);
          match = t.op === '<' ? have < want : t.op === '>' ? have > want : have === want;
          break;
        }
        case 'tags':
        case 'tag':
          match = ticket.tags.includes(t.value);
          break;
        case 'updated':
        case 'created': {
          const at = t.key === 'updated' ? ticket.updatedAt : ticket.createdAt;
          const d = parseDate(t.value, now);
          if (d === undefined) return { error: `invalid date ${t.value}` };
          match = t.op === '<' ? at < d : t.op === '>' ? at > d : Math.abs(at - d) < 24 * 3600 * 1000;
          break;
        }
        case undefined: {
          // Free text: subject and comment bodies (so a mention in someone else's ticket is a hit, as live).
          const v = t.value.toLowerCase();
          match =
            ticket.subject.toLowerCase().includes(v) || ticket.comments.some((c) => c.body.toLowerCase().includes(v));
          break;
        }
        default:
          return { error: `unsupported search keyword ${t.key}` };
      }
      if (t.negated) match = !match;
      if (!match) {
        ok = false;
        break;
      }
    }
    if (ok) out.push({ kind: 'ticket', ticket });
  }
  return out;
}
