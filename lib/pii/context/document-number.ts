import type { Finding, PiiType, Scan } from '../types';
import { isWordCode } from './boundary';

/**
 * Identity-document numbers (passport, ID card, driving licence) only count next to a document word: on their
 * own, 6–12 letters and digits are indistinguishable from order or ticket codes.
 */
const NUMBER_AFTER =
  /^[^\n\d]{0,40}?(?<![\p{L}\p{N}])((?=[A-Za-z0-9]*\d[A-Za-z0-9]*\d)[A-Za-z0-9]{6,12}|[A-Za-z0-9]{3,4}[- ][A-Za-z0-9]{3,6}(?=[\s.,;)]|$))(?![\p{L}\p{N}])/u;
const NOT_A_DOCUMENT = /^(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|(?:19|20)\d{2})$/;

/** Document numbers after the words of keyword list `list` (the word may run on: "paspoortnummer"). */
export function documentNumbers({ text, keywords }: Scan, list: number, type: PiiType): Finding[] {
  const out: Finding[] = [];
  const hits = keywords.list(list);
  for (let k = 0; k < hits.starts.length; k++) {
    let from = hits.ends[k] as number;
    while (from < text.length && isWordCode(text.charCodeAt(from)) && !/\d/.test(text[from] as string)) from++;
    const d = NUMBER_AFTER.exec(text.slice(from, from + 64));
    const value = d?.[1];
    if (!d || value === undefined || NOT_A_DOCUMENT.test(value)) continue;
    if (!/\d/.test(value) || value.replace(/\D/g, '').length < 2) continue;
    const start = from + d[0].length - value.length;
    if (out.length && (out[out.length - 1] as Finding).start === start) continue;
    out.push({ type, start, end: start + value.length, value, confidence: 0.85 });
  }
  return out;
}
