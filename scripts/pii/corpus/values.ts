import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Rng } from './random';
import { CITIES_NL, CITIES_UK, DOMAINS, FIRST_EN, FIRST_NL, LAST_EN, LAST_NL, STREETS_EN, STREETS_NL } from './names';

/**
 * Values for the synthetic corpus, each drawn in one of several spellings people really use. Ground truth
 * (is this a valid phone/IBAN/BSN/card) comes from the definitions (mod 97, Luhn, elfproef, libphonenumber's
 * numbering plan), never from the engine under test.
 */
export type Lang = 'nl' | 'en';

export function personName(r: Rng, lang: Lang): { first: string; last: string; full: string } {
  const first = lang === 'nl' ? r.pick(FIRST_NL) : r.pick(FIRST_EN);
  const lastRaw = lang === 'nl' ? r.pick(LAST_NL) : r.pick(LAST_EN);
  // Dutch surnames with a particle capitalise it when the first name is left out ("De Vries").
  return { first, last: lastRaw, full: `${first} ${lastRaw}` };
}

export const capitaliseParticle = (last: string) => last.charAt(0).toUpperCase() + last.slice(1);

export function email(r: Rng, first: string, last: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-zA-Z]/g, '')
      .toLowerCase();
  const f = clean(first);
  const l = clean(last);
  const local = r.pick([
    `${f}.${l}`,
    `${f}${l}`,
    `${f[0]}.${l}`,
    `${f}_${l}${r.int(1, 99)}`,
    `${f}${r.int(70, 99)}`,
    `${l}.${f}+shop`,
    `${f}-${l}`,
  ]);
  const value = `${local}@${r.pick(DOMAINS)}`;
  return r.chance(0.08) ? value.charAt(0).toUpperCase() + value.slice(1) : value;
}

function valid(number: string, region: 'NL' | 'BE' | 'DE' | 'GB'): boolean {
  return !!parsePhoneNumberFromString(number, region)?.isValid();
}

const NL_AREAS = [
  '20',
  '10',
  '30',
  '70',
  '40',
  '50',
  '13',
  '15',
  '23',
  '24',
  '26',
  '33',
  '35',
  '38',
  '43',
  '45',
  '53',
  '71',
  '73',
  '76',
  '79',
];

/** A valid phone number as written in a message, and its region. */
export function phone(r: Rng, lang: Lang): string {
  for (;;) {
    const kind = r.int(0, 9);
    let v: string;
    let region: 'NL' | 'BE' | 'DE' | 'GB' = 'NL';
    if (kind <= 4) {
      const sub = `${r.pick(['1', '2', '3', '4', '5', '8'])}${r.digits(7)}`;
      v = r.pick([
        `06${sub}`,
        `06-${sub}`,
        `06 ${sub.slice(0, 4)} ${sub.slice(4)}`,
        `06 ${sub.slice(0, 2)} ${sub.slice(2, 4)} ${sub.slice(4, 6)} ${sub.slice(6)}`,
        `+31 6 ${sub}`,
        `+316${sub}`,
        `0031 6 ${sub.slice(0, 4)} ${sub.slice(4)}`,
        `+31 (0)6 ${sub.slice(0, 4)} ${sub.slice(4)}`,
        `(06) ${sub}`,
        `06 - ${sub}`,
      ]);
    } else if (kind <= 6) {
      const area = r.pick(NL_AREAS);
      const sub = `${r.int(2, 9)}${r.digits(6)}`;
      v = r.pick([
        `0${area}-${sub}`,
        `0${area} ${sub.slice(0, 3)} ${sub.slice(3)}`,
        `0${area} - ${sub.slice(0, 3)} ${sub.slice(3, 5)} ${sub.slice(5)}`,
        `+31 ${area} ${sub.slice(0, 3)} ${sub.slice(3)}`,
        `+31 (0)${area} ${sub}`,
      ]);
    } else if (kind === 7) {
      region = 'BE';
      const sub = r.digits(6);
      v = r.pick([
        `+32 47${r.int(0, 9)} ${sub.slice(0, 2)} ${sub.slice(2, 4)} ${sub.slice(4)}`,
        `047${r.int(0, 9)} ${sub.slice(0, 2)} ${sub.slice(2, 4)} ${sub.slice(4)}`,
        `047${r.int(0, 9)}/${sub.slice(0, 2)}.${sub.slice(2, 4)}.${sub.slice(4)}`,
        `02 ${r.int(2, 9)}${sub.slice(0, 2)} ${sub.slice(2, 4)} ${sub.slice(4)}`,
        `0032 2 ${r.int(2, 9)}${sub.slice(0, 2)} ${sub.slice(2, 4)} ${sub.slice(4)}`,
      ]);
    } else if (kind === 8) {
      region = 'DE';
      v = r.pick([
        `+49 30 ${r.int(2, 9)}${r.digits(7)}`,
        `+49 (0)30 ${r.int(2, 9)}${r.digits(6)}`,
        `+49 151 ${r.digits(8)}`,
        `+49 89 ${r.int(2, 9)}${r.digits(6)}`,
        `0049 40 ${r.int(2, 9)}${r.digits(7)}`,
      ]);
    } else {
      region = 'GB';
      const sub = r.digits(6);
      v =
        lang === 'en'
          ? r.pick([
              `07${r.int(4, 9)}${r.digits(2)} ${sub}`,
              `+44 7${r.int(4, 9)}${r.digits(2)} ${sub}`,
              `020 7${r.digits(3)} ${r.digits(4)}`,
              `+44 (0)20 7${r.digits(3)} ${r.digits(4)}`,
              `0161 ${r.int(2, 9)}${r.digits(2)} ${r.digits(4)}`,
            ])
          : `+44 7${r.int(4, 9)}${r.digits(2)} ${sub}`;
    }
    if (valid(v, region)) return v;
  }
}

function mod97(s: string): number {
  let rem = 0;
  for (const ch of s) {
    const code = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of code) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem;
}

export function ibanCompact(r: Rng, country: 'NL' | 'BE' | 'DE', breakCheck = false): string {
  const bban =
    country === 'NL'
      ? `${r.pick(['ABNA', 'INGB', 'RABO', 'TRIO', 'SNSB', 'ASNB', 'KNAB', 'BUNQ'])}${r.digits(10)}`
      : country === 'BE'
        ? r.digits(12)
        : r.digits(18);
  let check = 98 - mod97(`${bban}${country}00`);
  if (breakCheck) check = ((check + r.int(1, 50)) % 97) + 2;
  let bb = bban;
  if (country === 'BE') {
    // Belgian BBANs carry their own mod-97 check in the last two digits.
    const base = bban.slice(0, 10);
    const c = Number(BigInt(base) % 97n) || 97;
    bb = `${base}${String(c).padStart(2, '0')}`;
    check = 98 - mod97(`${bb}${country}00`);
    if (breakCheck) check = ((check + r.int(1, 50)) % 97) + 2;
  }
  return `${country}${String(check).padStart(2, '0')}${bb}`;
}

export function ibanSpelled(r: Rng, compact: string): string {
  const spaced = compact.replace(/(.{4})(?=.)/g, '$1 ');
  return r.pick([compact, spaced, spaced, spaced.toLowerCase(), compact.toLowerCase(), spaced]);
}

export function luhnComplete(prefix: string, length: number, r: Rng, breakCheck = false): string {
  let body = prefix + r.digits(length - prefix.length - 1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  let check = (10 - (sum % 10)) % 10;
  if (breakCheck) check = (check + r.int(1, 9)) % 10;
  body += String(check);
  return body;
}

export function card(r: Rng, breakCheck = false): string {
  const kind = r.int(0, 2);
  const digits =
    kind === 0
      ? luhnComplete('4', 16, r, breakCheck)
      : kind === 1
        ? luhnComplete(r.pick(['51', '52', '53', '54', '55']), 16, r, breakCheck)
        : luhnComplete(r.pick(['34', '37']), 15, r, breakCheck);
  if (digits.length === 15)
    return r.chance(0.5) ? `${digits.slice(0, 4)} ${digits.slice(4, 10)} ${digits.slice(10)}` : digits;
  const grouped = digits.replace(/(.{4})(?=.)/g, '$1 ');
  return r.pick([digits, grouped, grouped.replace(/ /g, '-'), grouped]);
}

export function bsn(r: Rng, valid = true): string {
  for (;;) {
    const d = `${r.int(1, 6)}${r.digits(8)}`;
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d[i]);
    sum -= Number(d[8]);
    if ((sum % 11 === 0) === valid) {
      return r.pick([
        d,
        d,
        d,
        `${d.slice(0, 4)}.${d.slice(4, 6)}.${d.slice(6)}`,
        `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
      ]);
    }
  }
}

const LETTERS_NL = 'BDFGHJKLNPRSTVXZ';
export function postcodeNl(r: Rng): string {
  const l = () => r.pick([...LETTERS_NL, 'A', 'E', 'M', 'W', 'C']);
  const code = `${r.int(1, 9)}${r.digits(3)}`;
  const letters = `${l()}${l()}`;
  return r.pick([`${code} ${letters}`, `${code} ${letters}`, `${code}${letters}`, `${code} ${letters}`.toLowerCase()]);
}

export function postcodeUk(r: Rng): string {
  return r.pick(['SW1A 1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'LS1 4DY', 'EC1A 1BB', 'W1A 0AX', 'BS1 5TR', 'CF10 1EP']);
}

export function houseNumber(r: Rng): string {
  const n = String(r.int(1, 250));
  return r.pick([
    n,
    n,
    n,
    `${n}${r.pick(['A', 'a', 'B', 'c'])}`,
    `${n}-${r.int(1, 3)}`,
    `${n} bis`,
    `${n}-II`,
    `${n} hs`,
    `${n}-A`,
  ]);
}

export function streetAddressNl(r: Rng): string {
  return `${r.pick(STREETS_NL)} ${houseNumber(r)}`;
}

export function streetAddressEn(r: Rng): string {
  return `${r.pick(['', '', 'Flat 3, ', ''])}${r.int(1, 220)}${r.pick(['', '', 'B'])} ${r.pick(STREETS_EN)}`;
}

export const cityNl = (r: Rng) => r.pick(CITIES_NL);
export const cityUk = (r: Rng) => r.pick(CITIES_UK);

const MONTHS_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function date(r: Rng, lang: Lang, yearFrom = 1940, yearTo = 2006): string {
  const d = r.int(1, 28);
  const m = r.int(1, 12);
  const y = r.int(yearFrom, yearTo);
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  return lang === 'nl'
    ? r.pick([
        `${dd}-${mm}-${y}`,
        `${d}-${m}-${y}`,
        `${d} ${MONTHS_NL[m - 1]} ${y}`,
        `${dd}/${mm}/${y}`,
        `${y}-${mm}-${dd}`,
        `${dd}.${mm}.${y}`,
      ])
    : r.pick([
        `${dd}/${mm}/${y}`,
        `${d} ${MONTHS_EN[m - 1]} ${y}`,
        `${MONTHS_EN[m - 1]} ${d}, ${y}`,
        `${y}-${mm}-${dd}`,
        `${d}th of ${MONTHS_EN[m - 1]} ${y}`,
      ]);
}

export function ip(r: Rng): string {
  return r.chance(0.8)
    ? `${r.pick([84, 87, 145, 213, 62, 77, 94, 31, 185])}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`
    : `2a02:${r.int(0x1000, 0xffff).toString(16)}:${r.int(0, 0xffff).toString(16)}::${r.int(1, 0xfff).toString(16)}`;
}

export function plateNl(r: Rng): string {
  const L = () => r.pick([...LETTERS_NL]);
  const d = (n: number) => r.digits(n);
  return r.pick([
    `${L()}${L()}-${d(3)}-${L()}`,
    `${d(2)}-${L()}${L()}${L()}-${d(1)}`,
    `${d(1)}-${L()}${L()}${L()}-${d(2)}`,
    `${L()}-${d(3)}-${L()}${L()}`,
    `${L()}${L()}${L()}-${d(2)}-${L()}`,
    `${d(2)}-${L()}${L()}-${L()}${L()}`,
    `${L()}${L()}-${L()}${L()}-${d(2)}`,
  ]);
}

export function documentNumber(r: Rng): string {
  const L = () => r.pick([...'ABCDEFGHIJKLMNPRSTUVWXYZ']);
  return `${L()}${L()}${r.pick([...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'])}${L()}${r.digits(1)}${L()}${r.digits(2)}${r.digits(1)}`;
}
