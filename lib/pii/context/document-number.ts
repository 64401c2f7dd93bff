import type { Finding, PiiType, Scan } from '../types';
import { isWordCode } from './boundary';

/**
 * Identity-document numbers (passport, ID card, driving licence) only count next to a document word: on their
 * own, 6–12 letters and digits are indistinguishable from order or ticket codes.
 */
const NUMBER_AFTER =
  /^[^\n\d]{0,40}?(?<![\p{L}\p{N}])((?=[A-Za-z0-9]*\d[A-Za-z0-9]*\d)[A-Za-z0-9]{6,12}|[A-Za-z0-9]{3,4}[- ][A-Za-z0-9]{3,6}(?=[\s.,;)]|$))(?![\p{L}\p{N}])/u;
/** More numbers in a list after the first: "A and B", "A, B", "A en B". */
const LIST_NEXT = /^(?:\s*,\s*|\s+(?:and|en|und|et|&)\s+)([A-Za-z0-9]{6,12})(?![\p{L}\p{N}])/u;
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
    let end = start + value.length;
    for (let more = 0; more < 4; more++) {
      const next = LIST_NEXT.exec(text.slice(end, end + 40));
      const v = next?.[1];
      if (!next || v === undefined || (v.match(/\d/g)?.length ?? 0) < 2) break;
      const s = end + next[0].length - v.length;
      out.push({ type, start: s, end: s + v.length, value: v, confidence: 0.8 });
      end = s + v.length;
    }
  }
  return out;
}
