import { NEG_EN, NEG_NL, PII_EN, PII_NL, type Line } from './sentences';
import { Rng } from './random';
import { slot, type People } from './slots';
import * as v from './values';

/**
 * The project's own labelled corpus: Dutch and English support e-mails (both directions), chats and social
 * DMs, generated from a seed. Entities are recorded while the text is assembled, so offsets are exact.
 */
export interface Entity {
  type: string;
  start: number;
  end: number;
  value: string;
}
export interface CorpusMessage {
  id: string;
  lang: v.Lang;
  channel: 'email' | 'reply' | 'chat' | 'dm';
  text: string;
  entities: Entity[];
  /** What the page knows about the customer (ticket requester): passed to detectors that take hints. */
  hints: { names: string[]; emails: string[] };
}

class Builder {
  text = '';
  entities: Entity[] = [];
  add(s: string): void {
    this.text += s;
  }
  ent(type: string | null, value: string): void {
    if (type) this.entities.push({ type, start: this.text.length, end: this.text.length + value.length, value });
    this.text += value;
  }
}

const KEYS = /\{([A-Z_0-9]+)\}/g;

function line(b: Builder, r: Rng, l: Line | string, p: People): void {
  const text = typeof l === 'string' ? l : l.text;
  const start = b.text.length;
  let last = 0;
  for (const m of text.matchAll(KEYS)) {
    b.add(text.slice(last, m.index));
    const [type, value] = slot(r, m[1] as string, p);
    b.ent(type, value);
    last = m.index + m[0].length;
  }
  b.add(text.slice(last));
  if (typeof l !== 'string' && l.sentence) {
    const end = b.text.length;
    b.entities.push({ type: l.sentence, start, end, value: b.text.slice(start, end) });
  }
}

function body(r: Rng, p: People): Line[] {
  const pii = p.lang === 'nl' ? PII_NL : PII_EN;
  const neg = p.lang === 'nl' ? NEG_NL : NEG_EN;
  const lines: Line[] = [];
  const n = r.int(2, 4);
  for (let i = 0; i < n; i++) lines.push(r.chance(0.55) ? r.pick(pii) : r.pick(neg));
  return lines;
}

const GREET = {
  nl: [
    'Beste klantenservice,',
    'Hallo,',
    'Geachte heer/mevrouw,',
    'Goedemiddag,',
    'Beste {AGENT},',
    'Hoi,',
    'Hallo {AGENT},',
  ],
  en: ['Dear Sir or Madam,', 'Hello,', 'Hi there,', 'Dear {AGENT},', 'Hi team,', 'Good morning,', 'Hi {AGENT},'],
};
const SIGN = {
  nl: [
    'Met vriendelijke groet,\n{NAME}',
    'Groetjes,\n{FIRST}',
    'Mvg,\n{NAME}',
    'Vriendelijke groeten,\n\n{NAME}\n{PHONE}',
    'Groet, {FIRST}',
    'Alvast bedankt!',
    'Met vriendelijke groet,\n\n{NAME}\n{STREET}\n{POSTCODE} {CITY}',
  ],
  en: [
    'Kind regards,\n{NAME}',
    'Thanks,\n{FIRST}',
    'Best,\n{NAME}',
    'Cheers, {FIRST}',
    'Regards\n{NAME}\nSent from my iPhone',
    'Thanks in advance!',
    'Best regards,\n\n{NAME}\n{PHONE}',
  ],
};
const REPLY_GREET = {
  nl: ['Beste {FIRST},', 'Beste {NAME},', 'Geachte heer {LAST},', 'Geachte mevrouw {LAST},', 'Hoi {FIRST},'],
  en: ['Dear {FIRST},', 'Hi {FIRST},', 'Dear Mr {LAST},', 'Dear Ms {LAST},', 'Hello {NAME},'],
};
const REPLY_BODY = {
  nl: [
    'Bedankt voor uw bericht over bestelling {ORDER}.',
    'Ik heb uw terugbetaling van {AMOUNT} in gang gezet.',
    'Uw pakket ({TRACK}) wordt morgen tussen {TIME} en {TIME2} bezorgd.',
    'We hebben uw telefoonnummer aangepast naar {PHONE}.',
    'Het geld wordt teruggestort op {IBAN}.',
    'Ik heb uw adres gewijzigd naar {STREET}, {POSTCODE} {CITY}.',
    'Uw ticket {ORDER_PHONE} is gesloten.',
  ],
  en: [
    'Thank you for your message about order {ORDER}.',
    'I have started your refund of {AMOUNT_EN}.',
    'Your parcel ({TRACK}) will arrive tomorrow between {TIME} and {TIME2}.',
    'We updated your phone number to {PHONE}.',
    'The money will be refunded to {IBAN}.',
    'I changed your address to {STREET_EN}, {CITY_UK} {POSTCODE_UK}.',
    'Your ticket {ORDER_PHONE} has been closed.',
  ],
};
const REPLY_SIGN = {
  nl: ['Met vriendelijke groet,\n{AGENT_FULL}\nKlantenservice', 'Groet,\n{AGENT}\nTeam Support'],
  en: ['Kind regards,\n{AGENT_FULL}\nCustomer Service', 'Best wishes,\n{AGENT}\nSupport Team'],
};

function speaker(r: Rng, who: 'customer' | 'agent', lang: v.Lang, time: string): string {
  const t = r.chance(0.5) ? `[${time}] ` : '';
  if (who === 'customer')
    return r.pick([`${t}{FIRST}: `, `${t}{NAME}: `, `${t}${lang === 'nl' ? 'Klant' : 'Customer'}: `]);
  return r.pick([`${t}{AGENT}: `, `${t}Agent {AGENT}: `, `${t}{AGENT} (Support): `, `${t}Bot: `]);
}

export function generateMessage(r: Rng, index: number, lang: v.Lang): CorpusMessage {
  const c = v.personName(r, lang);
  const a = v.personName(r, lang);
  const p: People = {
    lang,
    first: c.first,
    last: c.last,
    full: c.full,
    email: v.email(r, c.first, c.last),
    agent: a.first,
    agentFull: a.full,
  };
  const channel = r.pick(['email', 'email', 'reply', 'chat', 'chat', 'dm'] as const);
  const b = new Builder();
  if (channel === 'email') {
    line(b, r, r.pick(GREET[lang]), p);
    b.add('\n\n');
    for (const l of body(r, p)) {
      line(b, r, l, p);
      b.add(r.chance(0.6) ? ' ' : '\n');
    }
    b.add('\n');
    line(b, r, r.pick(SIGN[lang]), p);
  } else if (channel === 'reply') {
    line(b, r, r.pick(REPLY_GREET[lang]), p);
    b.add('\n\n');
    for (let i = r.int(1, 3); i > 0; i--) {
      line(b, r, r.pick(REPLY_BODY[lang]), p);
      b.add(' ');
    }
    b.add('\n\n');
    line(b, r, r.pick(REPLY_SIGN[lang]), p);
  } else if (channel === 'chat') {
    let minute = r.int(0, 40);
    const hour = r.int(8, 21);
    const time = () => `${hour}:${String(minute++).padStart(2, '0')}`;
    line(
      b,
      r,
      speaker(r, 'agent', lang, time()) +
        (lang === 'nl' ? 'Goedemiddag, waarmee kan ik helpen?' : 'Hi, how can I help?'),
      p,
    );
    for (const l of body(r, p)) {
      b.add('\n');
      line(b, r, speaker(r, 'customer', lang, time()), p);
      line(b, r, l, p);
      if (r.chance(0.5)) {
        b.add('\n');
        line(
          b,
          r,
          speaker(r, 'agent', lang, time()) + (lang === 'nl' ? 'Dank je, ik kijk even mee.' : 'Thanks, let me check.'),
          p,
        );
      }
    }
  } else {
    line(b, r, r.pick(lang === 'nl' ? ['hoi! ', 'hey ', 'hallo, ', ''] : ['hey! ', 'hi ', 'hello, ', '']), p);
    for (const l of body(r, p).slice(0, 2)) {
      const lower = r.chance(0.4) ? { ...l, text: l.text.charAt(0).toLowerCase() + l.text.slice(1) } : l;
      line(b, r, lower, p);
      b.add(' ');
    }
    if (r.chance(0.5))
      line(
        b,
        r,
        r.pick(lang === 'nl' ? ['\ngroetjes {FIRST}', '\nthx, {FIRST}'] : ['\nthanks, {FIRST}', '\ncheers {FIRST}']),
        p,
      );
  }
  return {
    id: `own-${lang}-${String(index).padStart(4, '0')}`,
    lang,
    channel,
    text: b.text,
    entities: b.entities,
    hints: { names: [p.full], emails: [p.email] },
  };
}

export function generateCorpus(seed: number, count: number): CorpusMessage[] {
  const r = new Rng(seed);
  const out: CorpusMessage[] = [];
  for (let i = 0; i < count; i++) out.push(generateMessage(r, i, i % 2 === 0 ? 'nl' : 'en'));
  return out;
}
