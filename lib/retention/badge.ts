/** The extension action badge: the number of items due ("" for none), per the UI contract. */
import { browser } from 'wxt/browser';

export function badgeText(dueCount: number): string {
  return dueCount > 0 ? String(dueCount) : '';
}

export async function showDueBadge(dueCount: number): Promise<void> {
  await browser.action.setBadgeText({ text: badgeText(dueCount) });
  if (dueCount > 0) await browser.action.setBadgeBackgroundColor({ color: '#b45309' });
}
