/**
 * GDPR Art. 15(4): the copy must not adversely affect the rights of others. Masks personal data of
 * other people found by the detection engine in message texts and subjects, and keeps the subject's
 * own identities (their email addresses, phone numbers and name) readable.
 */
import { detectPii, maskValue, type Finding } from '../pii';
import type { DossierDraft } from './types';

export type Detector = (text: string) => Finding[];

/** The detection engine with its defaults (all four languages). */
export const defaultDetector: Detector = (text) => detectPii(text);

const digits = (s: string) => s.replace(/\D/g, '');

function ownership(draft: DossierDraft): (finding: Finding) => boolean {
  const emails = new Set(draft.subject.identities.filter((i) => i.kind === 'email').map((i) => i.value.toLowerCase()));
  for (const tool of draft.tools) for (const p of tool.profiles) for (const e of p.emails) emails.add(e.toLowerCase());
  const phones = draft.subject.identities.filter((i) => i.kind === 'phone').map((i) => digits(i.value));
  const nameWords = new Set(
    [draft.subject.name ?? '', ...draft.tools.flatMap((t) => t.profiles.map((p) => p.name ?? ''))]
      .flatMap((n) => n.toLowerCase().split(/\s+/))
      .filter((w) => w.length > 1),
  );
  return (f) => {
    if (f.type === 'EMAIL') return emails.has(f.value.toLowerCase());
    if (f.type === 'PHONE') {
      const d = digits(f.value).replace(/^0+/, '');
      return d.length >= 6 && phones.some((p) => p.endsWith(d));
    }
    if (f.type === 'PERSON') {
      const words = f.value.toLowerCase().split(/\s+/).filter(Boolean);
      return words.length > 0 && words.every((w) => nameWords.has(w));
    }
    return false;
  };
}

function maskText(text: string, detect: Detector, isOwn: (f: Finding) => boolean): { text: string; masked: number } {
  const findings = detect(text)
    .filter((f) => !isOwn(f))
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  let masked = 0;
  for (const f of findings) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + maskValue(f);
    at = f.end;
    masked += 1;
  }
  return { text: out + text.slice(at), masked };
}

export function maskOthers(draft: DossierDraft, detect: Detector): { draft: DossierDraft; masked: number } {
  const isOwn = ownership(draft);
  let masked = 0;
  const run = (text: string): string => {
    const result = maskText(text, detect, isOwn);
    masked += result.masked;
    return result.text;
  };
  const messages = draft.messages.map((m) => ({
    ...m,
    text: run(m.text),
    // An agent's or third party's name and address in the author field stay: they acted for the controller
    // or wrote to the subject; only what appears inside texts is someone else's data by chance.
  }));
  const conversations = draft.conversations.map((c) =>
    c.subject === undefined ? c : { ...c, subject: run(c.subject) },
  );
  return { draft: { ...draft, messages, conversations }, masked };
}
