import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { IdentityKind } from './schemas';

/** The region assumed for phone numbers written without a country code (the team's own country). */
export const DEFAULT_PHONE_REGION: CountryCode = 'NL';

export interface RawIdentity {
  kind: IdentityKind;
  value: string;
  /** For handles: the channel they belong to (instagram, facebook, whatsapp, …). */
  channel?: string;
}

export interface NormalisedIdentity {
  kind: IdentityKind;
  value: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(raw: string): string | undefined {
  const value = raw
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return emailPattern.test(value) ? value : undefined;
}

/** E.164 (`+31612345678`) via libphonenumber-js; undefined when the number is not valid. */
export function normalisePhone(raw: string, region: CountryCode = DEFAULT_PHONE_REGION): string | undefined {
  const parsed = parsePhoneNumberFromString(raw.trim().replace(/^tel:/i, ''), region);
  return parsed?.isValid() ? parsed.number : undefined;
}

/** `channel:handle`, lower-cased, without a leading @. */
export function normaliseHandle(raw: string, channel = 'handle'): string | undefined {
  const handle = raw.trim().replace(/^@/, '').toLowerCase();
  const ch = channel.trim().toLowerCase();
  return handle && ch ? `${ch}:${handle}` : undefined;
}

export function normaliseIdentity(raw: RawIdentity): NormalisedIdentity | undefined {
  const value =
    raw.kind === 'email'
      ? normaliseEmail(raw.value)
      : raw.kind === 'phone'
        ? normalisePhone(raw.value)
        : normaliseHandle(raw.value, raw.channel);
  return value === undefined ? undefined : { kind: raw.kind, value };
}

/** The key an identity is hashed and compared under: `kind:value`. */
export function identityKey(identity: NormalisedIdentity): string {
  return `${identity.kind}:${identity.value}`;
}
