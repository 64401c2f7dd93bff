/**
 * The weekly digest (opt-in): items due per tool and data-subject requests nearing their one-month
 * deadline (GDPR Art. 12(3)), as one browser notification. Notifications are an optional
 * permission, requested from the page where the user switches the digest on (a user gesture).
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { DAY_MS } from '../register/calendar';
import type { DataSubjectRequest } from '../register/schemas';
import { updateSettings } from './settings';
import type { RetentionSummary } from './types';

export const DIGEST_ALARM = 'retention-digest';
export const DIGEST_PERIOD_MINUTES = 7 * 24 * 60;
/** A request "nears" its deadline within this many days (and stays listed once the deadline passed). */
export const REQUEST_WARNING_DAYS = 7;
export const DIGEST_NOTIFICATION_ID = 'retention-digest';
// A 1×1 PNG: Chrome needs an icon for a basic notification and the extension ships none yet.
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export interface Digest {
  title: string;
  lines: string[];
}

export function requestsNearingDeadline(
  requests: readonly DataSubjectRequest[],
  now: number,
  warningDays = REQUEST_WARNING_DAYS,
): DataSubjectRequest[] {
  return requests
    .filter((r) => r.status !== 'closed' && r.deadline - now <= warningDays * DAY_MS)
    .sort((a, b) => a.deadline - b.deadline);
}

/** The digest's text, or null when there is nothing to report (no notification then). */
export function composeDigest(
  summary: RetentionSummary | null,
  requests: readonly DataSubjectRequest[],
  now: number,
): Digest | null {
  const lines: string[] = [];
  const perTool = new Map<string, number>();
  for (const g of summary?.groups ?? []) perTool.set(g.tool, (perTool.get(g.tool) ?? 0) + g.due + g.overdue);
  for (const [tool, count] of perTool) if (count > 0) lines.push(i18n.t('retention.digestDue', [String(count), tool]));
  const nearing = requestsNearingDeadline(requests, now);
  const late = nearing.filter((r) => r.deadline <= now).length;
  if (nearing.length - late > 0) lines.push(i18n.t('retention.digestRequests', [String(nearing.length - late)]));
  if (late > 0) lines.push(i18n.t('retention.digestRequestsLate', [String(late)]));
  return lines.length ? { title: i18n.t('retention.digestTitle'), lines } : null;
}

export async function showDigest(digest: Digest): Promise<void> {
  await browser.notifications.create(DIGEST_NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: ICON,
    title: digest.title,
    message: digest.lines.join('\n'),
  });
}

/**
 * Switches the digest on or off from a page (the dashboard), where a click may request the optional
 * `notifications` permission. Returns whether the digest is on afterwards.
 */
export async function setDigest(enabled: boolean): Promise<boolean> {
  const granted = enabled ? await browser.permissions.request({ permissions: ['notifications'] }) : false;
  await updateSettings((s) => ({ ...s, digest: granted }));
  return granted;
}
