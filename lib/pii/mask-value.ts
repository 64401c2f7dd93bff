import { SENTENCE_LEVEL_TYPES, type Finding } from './types';

const DOT = '•';
const SENTENCE = new Set(SENTENCE_LEVEL_TYPES);

/** Replace letters and digits by dots, keeping spaces and punctuation so the shape stays recognisable. */
const dots = (s: string) => s.replace(/[\p{L}\p{N}]/gu, DOT);

/**
 * A value fit for display in the panel: enough to recognise it, not enough to copy it.
 * "m•••@example.nl", "NL91 •••• •••• •••• 00", "+31 6•• ••• •78", "•••• •••• •••• 4444".
 */
export function maskValue(finding: Pick<Finding, 'type' | 'value'>): string {
  const v = finding.value;
  if (SENTENCE.has(finding.type)) return `${DOT.repeat(3)}`;
  switch (finding.type) {
    case 'EMAIL': {
      const at = v.lastIndexOf('@');
      return `${v.slice(0, 1)}${DOT.repeat(3)}${v.slice(at)}`;
    }
    case 'IBAN': {
      const compact = v.replace(/[\s-]/g, '').toUpperCase();
      const middle = compact.slice(4, -2).replace(/./g, DOT);
      const grouped = `${compact.slice(0, 4)}${middle}${compact.slice(-2)}`.replace(/(.{4})(?=.)/g, '$1 ');
      return grouped;
    }
    case 'CREDIT_CARD':
    case 'PHONE':
    case 'NL_BSN': {
      // Keep the last two digits (four for cards) and a leading country code.
      const keepEnd = finding.type === 'CREDIT_CARD' ? 4 : 2;
      let seen = 0;
      const total = v.replace(/\D/g, '').length;
      const lead = finding.type === 'PHONE' && v.startsWith('+') ? 3 : 0;
      return v.replace(/\d/g, (d) => {
        seen++;
        return seen <= lead - 1 || seen > total - keepEnd ? d : DOT;
      });
    }
    case 'PERSON':
      return v
        .split(/(\s+)/)
        .map((w) => (/^\s+$/.test(w) ? w : `${w.slice(0, 1)}${DOT.repeat(Math.max(1, w.length - 1))}`))
        .join('');
    default:
      return v.length <= 4 ? dots(v) : `${v.slice(0, 1)}${dots(v.slice(1, -1))}${v.slice(-1)}`;
  }
}
