import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging/messenger';

const startedAt = Date.now();

export function setUpPing(): void {
  onMessage('ping', () => ({
    ok: true as const,
    version: browser.runtime.getManifest().version,
    uptimeMs: Date.now() - startedAt,
  }));
}
