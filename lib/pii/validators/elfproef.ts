// Hand-written: no maintained package implements the Dutch BSN eleven-test; it is a weighted sum.
/**
 * The BSN "elfproef": 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be divisible by 11 (8-digit numbers get a
 * leading zero). All-zero numbers and numbers starting with 00 are rejected.
 */
export function elfproefValid(digits: string): boolean {
  const d = digits.length === 8 ? `0${digits}` : digits;
  if (!/^\d{9}$/.test(d) || d.startsWith('00')) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (d.charCodeAt(i) - 48);
  sum -= d.charCodeAt(8) - 48;
  return sum % 11 === 0;
}
