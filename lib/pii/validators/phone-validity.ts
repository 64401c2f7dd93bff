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
  idd: RegExp | null;
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
  if (plans.has(region)) return plans.get(region) ?? null;
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
        idd: idd ? new RegExp(`^(?:${idd})`) : null,
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
  if (!plan || plan.idd?.test(digits)) return !!parsePhoneNumberFromString(candidate, region)?.isValid();
  const stripped = plan.prefix?.exec(digits);
  const national = stripped ? digits.slice(stripped[0].length) : digits;
  return plan.lengths.has(national.length) && plan.valid.test(national);
}

/** Whether numbers in `region` are dialled nationally with a trunk prefix ("0" in NL, "1" in the US). */
export function hasNationalPrefix(region: CountryCode): boolean {
  if (!metadata.hasCountry(region)) return false;
  metadata.selectNumberingPlan(region);
  return !!metadata.numberingPlan?.nationalPrefix();
}

/** The region of a calling code when it is the only one using it and its plan is simple; else null. */
const soleRegions = new Map<string, CountryCode | null>();
function soleRegion(code: string): CountryCode | null {
  let r = soleRegions.get(code);
  if (r === undefined) {
    const regions = metadata.countryCallingCodes()[code];
    r =
      regions?.length === 1 && regions[0] !== '001' && planFor(regions[0] as CountryCode)
        ? (regions[0] as CountryCode)
        : null;
    soleRegions.set(code, r);
  }
  return r;
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
    if (!metadata.hasCallingCode(code)) continue;
    const region = soleRegion(code);
    if (!region) return parseValid(candidate, defaultRegion);
    const plan = planFor(region) as Plan;
    return validInPlan(rest.slice(i), plan);
  }
  return false;
}

/** The parser's national-prefix rule (extractNationalNumber) followed by the validity check of `plan`. */
function validInPlan(number: string, plan: Plan): boolean {
  let national = number;
  const stripped = plan.prefix?.exec(number);
  if (stripped) {
    const after = number.slice(stripped[0].length);
    const keep = plan.general && plan.general.test(number) && !plan.general.test(after);
    // checkNumberLength: TOO_SHORT and INVALID_LENGTH keep the prefix; possible and too long strip it.
    const possible = plan.lengths.has(after.length) || after.length > plan.maxLength;
    if (!keep && possible && after.length >= plan.minLength) national = after;
  }
  return plan.lengths.has(national.length) && plan.valid.test(national);
}

function parseValid(candidate: string, region: CountryCode): boolean {
  return !!parsePhoneNumberFromString(candidate, region)?.isValid();
}
