/**
 * Where EU law lets personal data go without more: the EEA, and the countries with an adequacy
 * decision of the European Commission (Art. 45 GDPR). The United States is adequate only for
 * organisations certified under the EU–US Data Privacy Framework (decision of 10 July 2023), so it is
 * not in the list: a US transfer's ground is checked per vendor (see tools.ts).
 * Source: European Commission, "Adequacy decisions" (list as of 2026).
 */
export const EEA = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
] as const;

export const ADEQUATE = [
  'AD', // Andorra
  'AR', // Argentina
  'CA', // Canada (commercial organisations, PIPEDA)
  'FO', // Faroe Islands
  'GG', // Guernsey
  'IL', // Israel
  'IM', // Isle of Man
  'JP', // Japan
  'JE', // Jersey
  'NZ', // New Zealand
  'KR', // Republic of Korea
  'CH', // Switzerland
  'GB', // United Kingdom
  'UY', // Uruguay
] as const;

const eea = new Set<string>(EEA);
const adequate = new Set<string>(ADEQUATE);

export const isInEea = (country: string): boolean => eea.has(country.toUpperCase());
export const hasAdequacyDecision = (country: string): boolean => adequate.has(country.toUpperCase());

/** A country's name in the UI language (Intl knows them all; no strings of ours to translate). */
export function countryName(country: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(country.toUpperCase()) ?? country;
  } catch {
    return country;
  }
}
