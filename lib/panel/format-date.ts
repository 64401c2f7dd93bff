import { i18n } from '#i18n';

/**
 * The panel's dates ("Nov 28, 2026", "28 nov 2026"): the same text as Intl's medium date style in English and
 * Dutch, from the extension's own strings. Hand-written rather than Intl.DateTimeFormat: on the tool's page the
 * first Intl formatter loads ICU's locale data, measured with `npm run bench:page` as a long task of its own
 * (50–120 ms on a loaded machine). In local time, as Intl would.
 */
let months: string[] | undefined;

export function formatPanelDate(value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  months ??= i18n.t('panel.monthsShort').split(',');
  const month = months[date.getMonth()] ?? String(date.getMonth() + 1);
  return i18n.t('panel.date', [String(date.getDate()), month, String(date.getFullYear())]);
}
