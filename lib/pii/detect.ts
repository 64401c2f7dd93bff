import type { CountryCode } from 'libphonenumber-js';
import { Keywords } from './context/keywords';
import { RECOGNIZERS } from './recognizers';
import { resolveOverlaps } from './resolve-overlaps';
import type { DigitRuns } from './context/digit-runs';
import type { DetectOptions, Finding, IdentityHints, Locale, Scan } from './types';

const ALL_LOCALES: readonly Locale[] = ['nl', 'en', 'de', 'fr'];
const REGIONS: Record<Locale, CountryCode[]> = {
  nl: ['NL', 'BE'],
  en: ['GB', 'IE', 'US'],
  de: ['DE', 'AT', 'CH'],
  fr: ['FR', 'BE', 'CH'],
};

/**
 * The default phone regions of a list of locales, worked out once per distinct list: most calls are single
 * messages with the same options, and the same array each time also lets phone.ts keep what it derives from it.
 */
const regionsByLocales = new Map<string, readonly CountryCode[]>();
function regionsOf(locales: readonly Locale[]): readonly CountryCode[] {
  const key = locales === ALL_LOCALES ? '' : locales.join(',');
  let regions = regionsByLocales.get(key);
  if (!regions) {
    regions = [...new Set(locales.flatMap((l) => REGIONS[l]))];
    regionsByLocales.set(key, regions);
  }
  return regions;
}

/**
 * A Scan as a class: one shape for every scan, the keyword pass run on first use by a getter on the prototype. An
 * object literal with getters was built through a slow path on every call (~1 µs, most of a short text's set-up).
 */
class LazyScan implements Scan {
  private found: Keywords | null = null;

  constructor(
    readonly text: string,
    readonly locales: readonly Locale[],
    readonly phoneRegions: readonly CountryCode[],
    readonly hints: IdentityHints,
  ) {}

  get keywords(): Keywords {
    this.found ??= new Keywords(this.text);
    return this.found;
  }

  get digitRuns(): DigitRuns {
    return this.keywords.digitRuns;
  }
}

const NO_HINTS: IdentityHints = Object.freeze({});

export function makeScan(text: string, options: DetectOptions = {}): Scan {
  const locales = options.locales?.length ? options.locales : ALL_LOCALES;
  const phoneRegions = options.phoneRegions?.length ? options.phoneRegions : regionsOf(locales);
  return new LazyScan(text, locales, phoneRegions, options.hints ?? NO_HINTS);
}

/** Finds personal data in `text`. Offsets are JavaScript string indices, end exclusive. */
export function detectPii(text: string, options: DetectOptions = {}): Finding[] {
  if (!text) return [];
  const scan = makeScan(text, options);
  const min = options.minConfidence ?? 0.5;
  const wanted = options.types ? new Set(options.types) : null;
  const all: Finding[] = [];
  for (const r of RECOGNIZERS) {
    if (wanted && !r.types.some((t) => wanted.has(t))) continue;
    const found = r.detect(scan);
    // Indexed: this runs before V8 has compiled it, where for-of steps through the iterator protocol.
    for (let k = 0; k < found.length; k++) {
      const f = found[k] as Finding;
      if (f.confidence >= min && (!wanted || wanted.has(f.type))) all.push(f);
    }
  }
  return resolveOverlaps(all);
}
