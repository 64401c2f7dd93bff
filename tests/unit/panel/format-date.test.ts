import { describe, expect, it } from 'vitest';
import { formatPanelDate } from '@/lib/panel/format-date';

describe('formatPanelDate', () => {
  it('writes the same date as Intl’s medium style in English, in local time', () => {
    const intl = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
    for (let m = 0; m < 12; m++) {
      const date = new Date(2026, m, 3 + m * 2, 23, 30);
      expect(formatPanelDate(date)).toBe(intl.format(date));
      expect(formatPanelDate(date.toISOString())).toBe(intl.format(date));
      expect(formatPanelDate(date.getTime())).toBe(intl.format(date));
    }
  });

  it('gives nothing for a date that is not one', () => {
    expect(formatPanelDate('not a date')).toBe('');
  });
});
