/**
 * Where the last retention run's summary is stored (`browser.storage.local`). Its own module so the content
 * script can watch for new runs without carrying WXT's storage layer (~20 KB of script on every tool page).
 */
export const LAST_RUN_KEY = 'retention-last-run';
