// Hand-written around ibantools' own data: isValidIBAN() builds two or three regular expressions on every call
// and converts the whole IBAN to a digit string for the checksum, which made it most of the IBAN recognizer's
// time. This applies the same checks (country length, BBAN format of the country, the country's BBAN checksum
// function, check digits) with each country's format compiled once. tests/unit/pii/iban-valid.test.ts compares it
// with isValidIBAN.
import { countrySpecs } from 'ibantools';

/** ISO 13616 mod 97 of an electronic IBAN (country code and check digits moved to the end); -1 on a bad character. */
export function ibanMod97(iban: string): number {
  let rest = 0;
  for (let k = 0; k < iban.length; k++) {
    const c = iban.charCodeAt((k + 4) % iban.length);
    if (c >= 48 && c <= 57) rest = (rest * 10 + c - 48) % 97;
    else if (c >= 65 && c <= 90) rest = (rest * 100 + c - 55) % 97;
    else return -1;
  }
  return rest;
}

const bbanFormats = new Map<string, RegExp>();

/** What ibantools' isValidIBAN(iban) answers (QR-IBANs allowed, as there), for an electronic IBAN. */
export function ibanValid(iban: string): boolean {
  const country = iban.slice(0, 2);
  const spec = countrySpecs[country];
  if (!spec?.bban_regexp || !spec.chars || spec.chars !== iban.length) return false;
  const d1 = iban.charCodeAt(2) - 48;
  const d2 = iban.charCodeAt(3) - 48;
  if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  // ibantools compares 98 − (mod 97 with "00" as check digits) with the check digits: only 02–98 can pass.
  const check = d1 * 10 + d2;
  if (check < 2 || check > 98 || ibanMod97(iban) !== 1) return false;
  let format = bbanFormats.get(country);
  if (!format) {
    format = new RegExp(spec.bban_regexp, '');
    bbanFormats.set(country, format);
  }
  const bban = iban.slice(4);
  if (!format.test(bban)) return false;
  return spec.bban_validation_func ? spec.bban_validation_func(bban.replace(/[\s.]+/g, '')) : true;
}
