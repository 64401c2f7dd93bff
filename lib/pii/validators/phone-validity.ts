// Hand-written fast path over libphonenumber-js's own metadata: parsePhoneNumber() + isValid() cost 30–150 µs a
// call and a long thread has thousands of number-like candidates in several default regions, which made phone
// validation most of the engine's time. For national numbers this applies the same rule isValid() applies with
// the `max` metadata (possible length + one of the region's number-type patterns); international numbers and
// regions with national-prefix transform rules still go through parsePhoneNumberFromString. International numbers
// ("+31 6 …", "0031 6 …") whose calling code belongs to one region with a simple plan follow the parser's own
// steps (calling code, national prefix kept only when the rest still fits the plan) without building a
// Metadata object and a dozen regular expressions per call; shared calling codes (+1, +44 …) use the parser.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { Metadata } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/metadata.max.json';

const TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'FIXED_LINE_OR_MOBILE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

interface Plan {
  /** The national prefix as the parser strips it ("0", or "0|180020" for GB). */
  prefix: RegExp | null;
  /** The same as literal alternatives, in the order the regular expression tries them. */
  prefixes: readonly string[];
  /** `valid` without its ^ anchor, sticky: tested from just after the prefix without cutting it off. */
  validFrom: RegExp;
  idd: RegExp | null;
  /** The international prefix when it is a plain string of digits ("00", "011"): tested with startsWith. */
  iddDigits: string | null;
  lengths: Set<number>;
  valid: RegExp;
  /** The region's general national number pattern (used to decide whether a national prefix was one). */
  general: RegExp | null;
  minLength: number;
  maxLength: number;
}

/** The parts of libphonenumber-js's (untyped) numbering-plan object used here. */
interface NumberingPlanLike {
  nationalPrefix(): string | undefined;
  IDDPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  nationalNumberPattern(): string | undefined;
  possibleLengths(): number[];
  type(t: string): { pattern(): string } | undefined;
}
interface MetadataLike {
  hasCountry(c: string): boolean;
  selectNumberingPlan(c: string): void;
  hasCallingCode(c: string): boolean;
  countryCallingCodes(): Record<string, string[]>;
  numberingPlan?: NumberingPlanLike;
}

const metadata = new Metadata(metadataJson) as unknown as MetadataLike;
const plans = new Map<CountryCode, Plan | null>();

function planFor(region: CountryCode): Plan | null {
  const known = plans.get(region);
  if (known !== undefined) return known;
  let plan: Plan | null = null;
  if (metadata.hasCountry(region)) {
    metadata.selectNumberingPlan(region);
    const p = metadata.numberingPlan;
    const prefix = p?.nationalPrefix();
    const forParsing = p?.nationalPrefixForParsing() ?? prefix;
    // Only literal prefixes (one, or an alternation of digit strings); capture groups mean transform rules.
    const simple = p && !p.nationalPrefixTransformRule() && (!forParsing || /^\d+(?:\|\d+)*$/.test(forParsing));
    if (p && simple) {
      const patterns = TYPES.map((t) => p.type(t)?.pattern()).filter((x): x is string => !!x);
      const idd = p.IDDPrefix();
      const general = p.nationalNumberPattern();
      const lengths = p.possibleLengths();
      plan = {
        prefix: forParsing ? new RegExp(`^(?:${forParsing})`) : null,
        prefixes: forParsing ? forParsing.split('|') : [],
        validFrom: new RegExp(`(?:${patterns.join('|')})$`, 'y'),
        idd: idd ? new RegExp(`^(?:${idd})`) : null,
        iddDigits: idd && /^\d+$/.test(idd) ? idd : null,
        lengths: new Set(lengths),
        valid: new RegExp(`^(?:${patterns.join('|')})$`),
        general: general ? new RegExp(`^(?:${general})$`) : null,
        minLength: Math.min(...lengths),
        maxLength: Math.max(...lengths),
      };
    }
  }
  plans.set(region, plan);
  return plan;
}

/** Whether `digits` (a national number as written, trunk prefix included) is valid in `region`. */
export function validNational(candidate: string, digits: string, region: CountryCode): boolean {
  const plan = planFor(region);
  // Dialled with the region's international prefix ("011 …" from the US): let the parser handle it.
  const idd = plan && (plan.iddDigits !== null ? digits.startsWith(plan.iddDigits) : plan.idd?.test(digits));
  if (!plan || idd) return !!parsePhoneNumberFromString(candidate, region)?.isValid();
  // plan.prefix.exec(digits), then the rest tested in place: the first alternative that starts `digits`.
  let from = 0;
  for (const p of plan.prefixes) {
    if (digits.startsWith(p)) {
      from = p.length;
      break;
    }
  }
  if (!plan.lengths.has(digits.length - from)) return false;
  plan.validFrom.lastIndex = from;
  return plan.validFrom.test(digits);
}

/** Whether numbers in `region` are dialled nationally with a trunk prefix ("0" in NL, "1" in the US). */
export function hasNationalPrefix(region: CountryCode): boolean {
  if (!metadata.hasCountry(region)) return false;
  metadata.selectNumberingPlan(region);
  return !!metadata.numberingPlan?.nationalPrefix();
}

/** A region's number types as isValid() checks them: general pattern, then FIXED_LINE or any other type. */
interface Exact {
  general: RegExp | null;
  leading: RegExp | null;
  types: { lengths: number[] | undefined; pattern: string }[];
  /** Per length of the national number: one pattern of the types that allow that length (null: none does). */
  byLength: Map<number, RegExp | null>;
  lengths: number[];
}
const PARSER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;
interface TypeLike {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
const exacts = new Map<string, Exact>();
function exactFor(region: string): Exact {
  let e = exacts.get(region);
  if (!e) {
    metadata.selectNumberingPlan(region);
    const p = metadata.numberingPlan as unknown as {
      leadingDigits(): string | undefined;
      nationalNumberPattern(): string | undefined;
      possibleLengths(): number[];
      type(t: string): TypeLike | undefined;
    };
    const general = p.nationalNumberPattern();
    const leading = p.leadingDigits();
    e = {
      general: general ? new RegExp(`^(?:${general})$`) : null,
      leading: leading ? new RegExp(`^(?:${leading})`) : null,
      types: PARSER_TYPES.flatMap((t) => {
        const type = p.type(t);
        const pattern = type?.pattern();
        return type && pattern ? [{ lengths: type.possibleLengths(), pattern }] : [];
      }),
      byLength: new Map(),
      lengths: p.possibleLengths(),
    };
    exacts.set(region, e);
  }
  return e;
}

/**
 * getNumberType(…) !== undefined for a national (significant) number in `region`: some type whose possible lengths
 * hold the number's length matches it entirely. The types of one length are one alternation (`^(?:(?:a)|(?:b))$`
 * matches exactly when `^(?:a)$` or `^(?:b)$` does), built on first use: one test instead of one per type.
 */
function hasType(e: Exact, national: string): boolean {
  if (e.general && !e.general.test(national)) return false;
  const n = national.length;
  let re = e.byLength.get(n);
  if (re === undefined) {
    const patterns = e.types.filter((t) => !t.lengths || t.lengths.includes(n)).map((t) => `(?:${t.pattern})`);
    re = patterns.length ? new RegExp(`^(?:${patterns.join('|')})$`) : null;
    e.byLength.set(n, re);
  }
  return re !== null && re.test(national);
}

/** The parser's choice among regions sharing a calling code (getCountryByNationalNumber). */
function regionOf(regions: readonly string[], national: string): string | undefined {
  if (regions.length === 1) return regions[0];
  for (const r of regions) {
    const e = exactFor(r);
    if (e.leading) {
      if (e.leading.test(national)) return r;
    } else if (hasType(e, national)) return r;
  }
  return undefined;
}

/** checkNumberLength(…) is IS_POSSIBLE or TOO_LONG (the parser then keeps the national prefix stripped). */
function lengthAllowsStrip(lengths: number[], n: number): boolean {
  const min = lengths[0] as number;
  if (n < min) return false;
  return n === min || n > (lengths[lengths.length - 1] as number) || lengths.indexOf(n, 1) >= 0;
}

/** metadata.hasCallingCode, remembered per code (at most 999 of them). */
const callingCodes = new Map<string, boolean>();
function hasCallingCode(code: string): boolean {
  let v = callingCodes.get(code);
  if (v === undefined) {
    v = metadata.hasCallingCode(code);
    callingCodes.set(code, v);
  }
  return v;
}

/**
 * Validity of an international number (`digits` after the "+", or all digits when dialled with an IDD prefix),
 * as parsePhoneNumberFromString(candidate, defaultRegion)?.isValid() decides it. `viaIdd` = written as
 * "00 31 …" rather than "+31 …".
 */
export function validInternational(
  candidate: string,
  digits: string,
  defaultRegion: CountryCode,
  viaIdd: boolean,
): boolean {
  let rest = digits;
  if (viaIdd) {
    const idd = planFor(defaultRegion)?.idd?.exec(digits);
    // After the IDD prefix a calling code never starts with 0; the parser then reads the number as national.
    if (!idd || digits.charCodeAt(idd[0].length) === 48) return parseValid(candidate, defaultRegion);
    rest = digits.slice(idd[0].length);
  }
  if (rest.charCodeAt(0) === 48) return false;
  for (let i = 1; i <= 3 && i <= rest.length; i++) {
    const code = rest.slice(0, i);
    if (!hasCallingCode(code)) continue;
    const regions = metadata.countryCallingCodes()[code];
    const main = regions?.[0];
    const plan = main && main !== '001' ? planFor(main as CountryCode) : null;
    if (!regions || !plan) return parseValid(candidate, defaultRegion);
    return validAfterCode(rest.slice(i), regions, plan);
  }
  return false;
}

/**
 * The parser's steps after the calling code: national prefix stripped by the main region's rule
 * (extractNationalNumber), the exact region chosen (getCountryByCallingCode), then isValid().
 */
function validAfterCode(number: string, regions: readonly string[], plan: Plan): boolean {
  const main = exactFor(regions[0] as string);
  let national = number;
  const stripped = plan.prefix?.exec(number);
  if (stripped && stripped[0].length > 0) {
    const after = number.slice(stripped[0].length);
    const keep = main.general && main.general.test(number) && !main.general.test(after);
    if (!keep) {
      const r = regionOf(regions, after);
      const lengths = r ? exactFor(r).lengths : main.lengths;
      if (lengthAllowsStrip(lengths, after.length)) national = after;
    }
  }
  if (national.length < 2 || national.length > 17) return false;
  const region = regionOf(regions, national);
  return hasType(region ? exactFor(region) : main, national);
}

function parseValid(candidate: string, region: CountryCode): boolean {
  return !!parsePhoneNumberFromString(candidate, region)?.isValid();
}
