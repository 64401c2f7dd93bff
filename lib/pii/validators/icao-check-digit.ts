// Hand-written: the ICAO 9303 check digit (weights 7, 3, 1; letters count 10–35) is a few lines and no package
// in the dependency tree exposes it on its own.
/** True when the last character of `value` is the ICAO 9303 check digit of the characters before it. */
export function icaoCheckDigitValid(value: string): boolean {
  const weights = [7, 3, 1];
  const upper = value.toUpperCase();
  let sum = 0;
  for (let i = 0; i < value.length - 1; i++) {
    const c = upper.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : -1;
    if (v < 0) return false;
    sum += v * (weights[i % 3] as number);
  }
  return sum % 10 === value.charCodeAt(value.length - 1) - 48;
}
