/**
 * Attachments some APIs return only inside JSON, base64-encoded (Gmail's attachments.get in base64url,
 * Help Scout's attachment data). The JSON answer is one string per file; this decodes it in slices of
 * 48 KiB, so the decoded file is never held whole next to its text: the ZIP takes one slice at a time.
 * Hand-written on `atob` (browser and Node 20 both have it; `Uint8Array.fromBase64` is not in Node 20).
 */
const SLICE = 65_536; // characters of base64: a multiple of 4, 48 KiB of bytes

export function* base64Chunks(encoded: string, alphabet: 'base64' | 'base64url' = 'base64'): Generator<Uint8Array> {
  const clean = encoded.replace(/[\s=]/g, '');
  for (let at = 0; at < clean.length; at += SLICE) {
    let part = clean.slice(at, at + SLICE);
    if (alphabet === 'base64url') part = part.replace(/-/g, '+').replace(/_/g, '/');
    if (part.length % 4 === 1) throw new Error('Malformed base64');
    const binary = atob(part + '='.repeat((4 - (part.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    yield bytes;
  }
}

/** A whole base64url text (a Gmail body part) as text in the given charset. */
export function decodeBase64Text(
  encoded: string,
  charset = 'utf-8',
  alphabet: 'base64' | 'base64url' = 'base64url',
): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  let text = '';
  for (const chunk of base64Chunks(encoded, alphabet)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
