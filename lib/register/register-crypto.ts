/**
 * Passphrase encryption for the register file: WebCrypto AES-GCM (256-bit) with a key derived by
 * PBKDF2-SHA-256. The envelope header is bound to the ciphertext as additional data, so changing
 * the header (iterations, salt, version) fails authentication like changing the data does.
 */
import { z } from 'zod';

export const MIN_ITERATIONS = 100_000;
export const DEFAULT_ITERATIONS = 600_000;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const envelopeSchema = z
  .object({
    format: z.literal('privacydesk-register'),
    version: z.literal(1),
    kdf: z
      .object({
        name: z.literal('PBKDF2'),
        hash: z.literal('SHA-256'),
        iterations: z.number().int().min(MIN_ITERATIONS).max(10_000_000),
        salt: b64,
      })
      .strict(),
    cipher: z.object({ name: z.literal('AES-GCM'), iv: b64 }).strict(),
    data: b64,
  })
  .strict();
export type Envelope = z.infer<typeof envelopeSchema>;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function header(e: Omit<Envelope, 'data'>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify([e.format, e.version, e.kdf, e.cipher]));
}

export async function encrypt(
  plaintext: string,
  passphrase: string,
  iterations = DEFAULT_ITERATIONS,
): Promise<Envelope> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const head = {
    format: 'privacydesk-register' as const,
    version: 1 as const,
    kdf: { name: 'PBKDF2' as const, hash: 'SHA-256' as const, iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM' as const, iv: toBase64(iv) },
  };
  const key = await deriveKey(passphrase, salt, iterations);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: header(head) },
    key,
    new TextEncoder().encode(plaintext),
  );
  return { ...head, data: toBase64(new Uint8Array(data)) };
}

/** Throws on a wrong passphrase or any change to the file (AES-GCM cannot tell the two apart). */
export async function decrypt(envelope: Envelope, passphrase: string): Promise<string> {
  const key = await deriveKey(passphrase, fromBase64(envelope.kdf.salt), envelope.kdf.iterations);
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(envelope.cipher.iv), additionalData: header(envelope) },
    key,
    fromBase64(envelope.data),
  );
  return new TextDecoder().decode(plain);
}
