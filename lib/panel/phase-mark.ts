/**
 * Named moments of the panel's start on a page (`privacydesk:<phase>` performance marks). They carry no data;
 * `npm run bench:page` prints them against the page's load event, to show where the time to the findings goes.
 */
export function markPhase(phase: string): void {
  try {
    performance.mark(`privacydesk:${phase}`);
  } catch {
    /* no performance timeline here (tests without one) */
  }
}
