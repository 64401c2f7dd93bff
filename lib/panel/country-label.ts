import { i18n } from '#i18n';
import { countryName } from '@/lib/transfers/countries';

/**
 * The countries the tools hold data in (lib/transfers/tools.ts), named from the extension's own strings. On the
 * tool's page the first `Intl.DisplayNames` loads the region names of ICU: measured with scripts/page/profile.ts
 * it was the panel's single longest task (~0.1 s on a loaded machine). Any other country falls back to Intl.
 */
export const NAMED_COUNTRIES = ['US', 'DE', 'IE', 'IN', 'AU', 'NL', 'BE', 'FI', 'AT'] as const;
type NamedCountry = (typeof NAMED_COUNTRIES)[number];
const named = new Set<string>(NAMED_COUNTRIES);

export function countryLabel(country: string, locale: string): string {
  const code = country.toUpperCase();
  return named.has(code) ? i18n.t(`country.${code as NamedCountry}`) : countryName(code, locale);
}
