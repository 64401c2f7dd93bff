/**
 * `index.html`: the dossier for people, in Dutch or English. Self-contained (no external resource,
 * inline CSS allowed by its hash only, a strict Content-Security-Policy that also forbids scripts),
 * and every value escaped: texts come from customers and tools and may be hostile.
 */
import type { Dossier } from '../dossier-schema';
import { sha256Base64 } from './css-hash';
import { escapeHtml as e, safeRelativeHref } from './escape';
import { HTML_STRINGS, type HtmlStrings } from './strings';

const CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}.text{white-space:pre-wrap;overflow-wrap:anywhere}.internal{background:#fff6d6}
.conversation{border-top:2px solid #888;margin-top:1.5rem}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}`;

const when = (iso: string | undefined) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '');

function table(headers: string[], rows: string[][], s: HtmlStrings): string {
  if (rows.length === 0) return `<p>${e(s.none)}</p>`;
  const head = headers.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function toolsSection(d: Dossier, s: HtmlStrings): string {
  const rows = d.tools.map((t) => [
    e(t.label),
    e(t.account),
    e(t.status === 'complete' ? s.statusComplete : `${s.statusFailed}: ${t.error ?? ''}`),
    e(t.processing?.regions.join(', ')),
    e(t.processing?.legalGround),
  ]);
  const profiles = d.tools.flatMap((t) =>
    t.profiles.map((p) => {
      const fields = Object.entries(p.fields).map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`);
      return `<h3>${e(s.profile)}: ${e(t.label)}</h3><dl><dt>${e(s.name)}</dt><dd>${e(p.name)}</dd>
<dt>${e(s.identities)}</dt><dd>${e([...p.emails, ...p.phones].join(', '))}</dd>${fields.join('')}</dl>`;
    }),
  );
  return `<h2>${e(s.tools)}</h2>${table([s.tool, s.account, s.status, s.processedIn, s.legalGround], rows, s)}${profiles.join('\n')}`;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

function* conversationsSection(d: Dossier, s: HtmlStrings): Generator<string> {
  const byConversation = groupBy(d.messages, (m) => m.conversationId);
  const filesByMessage = groupBy(d.attachments, (a) => a.messageId);
  yield `<h2>${e(s.conversations)} (${d.conversations.length})</h2>`;
  if (d.conversations.length === 0) yield `<p>${e(s.none)}</p>`;
  for (const [index, c] of d.conversations.entries()) {
    const meta = [
      `<dt>${e(s.tool)}</dt><dd>${e(c.tool)} ${e(c.toolRecordId)}</dd>`,
      c.role ? `<dt>${e(s.role)}</dt><dd>${e(c.role)}</dd>` : '',
      c.retentionDueAt ? `<dt>${e(s.retentionDue)}</dt><dd>${e(when(c.retentionDueAt))}</dd>` : '',
      `<dt>${e(s.held)}</dt><dd>${e(c.held ? s.answerYes : s.answerNo)}</dd>`,
    ].join('');
    const messages = (byConversation.get(c.id) ?? []).map((m) => {
      const author = m.fromCustomer ? s.customer : [m.author.name, m.author.email].filter(Boolean).join(' ');
      const files = (filesByMessage.get(m.id) ?? []).map((a) => {
        const href = safeRelativeHref(a.path);
        return href ? `<li><a href="${e(href)}">${e(a.originalName)}</a></li>` : `<li>${e(a.originalName)}</li>`;
      });
      return `<article class="${m.internal ? 'internal' : 'message'}"><p><strong>${e(s.author)}:</strong> ${e(author)} · ${e(
        when(m.sentAt),
      )}${m.internal ? ` · <em>${e(s.internalNote)}</em>` : ''}</p><div class="text">${e(m.text)}</div>${
        files.length ? `<ul>${files.join('')}</ul>` : ''
      }</article>`;
    });
    yield `${index === 0 ? '' : '\n'}<section class="conversation"><h3>${e(c.subject ?? c.toolRecordId)}</h3><dl>${meta}</dl>\n${messages.join('\n')}</section>`;
  }
}

function attachmentsSection(d: Dossier, s: HtmlStrings): string {
  const rows = d.attachments.map((a) => {
    const href = safeRelativeHref(a.path);
    return [e(a.originalName), e(a.contentType), e(a.size), href ? `<a href="${e(href)}">${e(a.path)}</a>` : e(a.path)];
  });
  for (const m of d.missingAttachments) rows.push([e(m.originalName), '', '', `<em>${e(m.reason)}</em>`]);
  return `<h2>${e(s.attachments)}</h2>${table([s.fileName, 'Content-Type', s.size, s.file], rows, s)}`;
}

function registerSection(d: Dossier, s: HtmlStrings): string {
  const r = d.register;
  if (!r) return '';
  const holds = r.holds.map((h) => [
    e(h.tool),
    e(h.itemToolRecordId),
    e(h.reason),
    e(h.legalGround),
    e(when(h.since)),
    e(when(h.until)),
  ]);
  const requests = r.requests.map((q) => [e(q.kind), e(when(q.receivedAt)), e(when(q.deadline)), e(q.status)]);
  const audit = r.audit.map((a) => [e(when(a.at)), e(a.action), e(a.tool), e(a.count), e(a.result)]);
  return [
    `<h2>${e(s.holds)}</h2>${table([s.tool, 'ID', s.reason, s.legalGround, s.since, s.until], holds, s)}`,
    `<h2>${e(s.requests)}</h2>${table([s.kind, s.received, s.deadline, s.status], requests, s)}`,
    `<h2>${e(s.audit)}</h2>${table([s.sentAt, s.action, s.tool, '#', s.result], audit, s)}`,
  ].join('\n');
}

/**
 * The page as text pieces (one per conversation, and the sections around them), for the ZIP stream.
 * Async only for the style's hash in the Content-Security-Policy.
 */
export async function htmlPieces(d: Dossier, files: string[]): Promise<() => Generator<string>> {
  const s = HTML_STRINGS[d.language];
  const subject = [
    `<dt>${e(s.generatedAt)}</dt><dd>${e(when(d.generatedAt))}</dd>`,
    `<dt>${e(s.scope)}</dt><dd>${e(d.scope === 'access' ? s.scopeAccess : s.scopePortability)}</dd>`,
    `<dt>${e(s.masking)}</dt><dd>${e(d.masking.applied ? s.maskingApplied.replace('$1', String(d.masking.masked)) : s.maskingNone)}</dd>`,
    `<dt>${e(s.name)}</dt><dd>${e(d.subject.name)}</dd>`,
    `<dt>${e(s.identities)}</dt><dd>${e(d.subject.identities.map((i) => i.value).join(', '))}</dd>`,
  ].join('');
  const csp = `default-src 'none'; style-src '${await sha256Base64(CSS)}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  return function* () {
    yield `<!doctype html>
<html lang="${d.language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(s.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${e(s.title)}</h1>
<p>${e(s.intro)}</p>
<dl>${subject}</dl>
${toolsSection(d, s)}
`;
    yield* conversationsSection(d, s);
    yield `
${attachmentsSection(d, s)}
${registerSection(d, s)}
<h2>${e(s.files)}</h2>
<ul>${files.map((f) => `<li>${e(f)}</li>`).join('')}</ul>
</main>
</body>
</html>
`;
  };
}

export async function renderHtml(d: Dossier, files: string[]): Promise<string> {
  return [...(await htmlPieces(d, files))()].join('');
}
