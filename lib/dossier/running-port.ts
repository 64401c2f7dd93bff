/**
 * While a dashboard tab runs an export it keeps a port open to the background. When the tab goes
 * (closed, crashed) the port disconnects, and the background reopens the dashboard, which resumes the
 * unfinished job (see entrypoints/background/export.ts). A port the page sees disconnect (the service
 * worker was stopped) is opened again, so a restarted worker still learns when the tab goes.
 */
import { browser } from 'wxt/browser';

export const EXPORT_RUNNING_PORT = 'export-running';

/** Holds the port until `release` is called; never fails the export (no background, tests). */
export function holdRunningPort(): () => void {
  let released = false;
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  const open = () => {
    try {
      port = browser.runtime.connect({ name: EXPORT_RUNNING_PORT });
      port.onDisconnect.addListener(() => {
        if (!released) setTimeout(open, 1000);
      });
    } catch {
      port = undefined;
    }
  };
  open();
  return () => {
    released = true;
    try {
      port?.disconnect();
    } catch {
      // Already gone.
    }
  };
}
