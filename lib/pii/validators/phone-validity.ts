// Hand-written fast path over libphonenumber-js's own metadata: parsePhoneNumber() + isValid() cost 30–150 µs a
// call and a long thread has thousands of number-like candidates in several default regions, which made phone
// validation most of the engine's time. For national numbers this applies the same rule isValid() applies with
// the `max` metadata (possible length + one of the region's number-type patterns); international numbers and
// regions with national-prefix transform rules still go through parsePhoneNumberFromString.
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
}

/** The parts of libphonenumber-js's (untyped) numbering-plan object used here. */
interface NumberingPlanLike {
  nationalPrefix(): string | undefined;
  IDDPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  possibleLengths(): number[];
  type(t: string): { pattern(): string } | undefined;
}
interface MetadataLike {
  hasCountry(c: string): boolean;
  selectNumberingPlan(c: string): void;
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
      plan = {
        prefix: forParsing ? new RegExp(`^(?:${forParsing})`) : null,
        idd: idd ? new RegExp(`^(?:${idd})`) : null,
        lengths: new Set(p.possibleLengths()),
        valid: new RegExp(`^(?:${patterns.join('|')})$`),
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
