/**
 * Files an API hands over only as base64 inside JSON (Gmail `attachments.get`, Help Scout attachment
 * data): read through the tool's HTTP client (auth, rate limit, retries), when the ZIP gets to the file,
 * and decoded slice by slice (see base64-chunks.ts).
 */
import { z } from 'zod';
import type { ConnectorContext } from '../../connectors/define-connector';
import { base64Chunks } from './base64-chunks';

const dataSchema = z.object({ data: z.string() });

export function jsonBase64File(
  ctx: ConnectorContext,
  path: string,
  alphabet: 'base64' | 'base64url',
): () => AsyncIterable<Uint8Array> {
  return async function* () {
    const { data } = await ctx.http.request('GET', path, { schema: dataSchema });
    let text: string | undefined = data!.data;
    const chunks = base64Chunks(text, alphabet);
    text = undefined;
    yield* chunks;
  };
}
