/**
 * Streams a file a tool links to (an attachment's content URL), chunk by chunk from the response body,
 * under the tool's rate limiter. Credentials go only to the tool's own origin: a link to another host
 * (a CDN, or something a message planted) is fetched without them.
 */
import type { FetchLike } from '../connectors/http';
import type { RateLimiter } from '../connectors/limiter';
import { errorForStatus } from '../connectors/errors';

export interface DownloadDeps {
  label: string;
  baseUrl: string;
  fetch: FetchLike;
  limiter?: RateLimiter;
  headers: () => Record<string, string>;
  timeoutMs?: number;
}

export function downloader(deps: DownloadDeps): (url: string) => AsyncIterable<Uint8Array> {
  const origin = new URL(deps.baseUrl).origin;
  return async function* download(url: string) {
    const target = new URL(url, deps.baseUrl);
    if (target.protocol !== 'https:') throw errorForStatus(deps.label, 400);
    await deps.limiter?.acquire(1);
    const response = await deps.fetch(target.toString(), {
      headers: target.origin === origin ? deps.headers() : {},
      signal: AbortSignal.timeout(deps.timeoutMs ?? 120_000),
    });
    if (!response.ok) throw errorForStatus(deps.label, response.status);
    if (!response.body) {
      yield new Uint8Array(await response.arrayBuffer());
      return;
    }
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value && value.byteLength > 0) yield value;
      }
    } finally {
      reader.releaseLock();
    }
  };
}
