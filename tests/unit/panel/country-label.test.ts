import { describe, expect, it } from 'vitest';
import { countryLabel, NAMED_COUNTRIES } from '@/lib/panel/country-label';
import { toolProcessing } from '@/lib/transfers/tools';
import { countryName } from '@/lib/transfers/countries';

describe('countryLabel', () => {
  it('names each country the same as Intl does (English), without Intl for the tools’ countries', () => {
    for (const code of NAMED_COUNTRIES) expect(countryLabel(code, 'en')).toBe(countryName(code, 'en'));
    expect(countryLabel('jp', 'en')).toBe('Japan');
  });

  it('has a name of its own for every country a tool holds data in', () => {
    const used = new Set<string>();
    for (const facts of Object.values(toolProcessing)) {
      used.add(facts.vendorCountry);
      for (const region of facts.regions) for (const c of region.countries) used.add(c);
    }
    expect([...used].filter((c) => !(NAMED_COUNTRIES as readonly string[]).includes(c))).toEqual([]);
  });
});
