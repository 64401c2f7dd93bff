/**
 * Loads the vendors' own OpenAPI descriptions from ../shared/vendor-api/ (never copied into the repo).
 * YAML files are parsed once and cached as JSON under node_modules/.cache/privacydesk-openapi/, keyed by
 * the file's sha256, because Zendesk's 1.2 MB YAML parses several times slower than the same JSON.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as parseYaml } from 'js-yaml';

export type Vendor = 'zendesk' | 'front' | 'intercom' | 'gmail' | 'graph';

export const VENDORS: readonly Vendor[] = ['zendesk', 'front', 'intercom', 'gmail', 'graph'];

const FILES: Record<Vendor, string> = {
  zendesk: 'zendesk-support.oas.yaml',
  front: 'front-core-api.json',
  intercom: 'intercom-api-2.14.yaml',
  gmail: 'gmail-v1.apisguru.openapi.json',
  graph: 'msgraph-v1.0-mail.trimmed.openapi.json',
};

/** Bump when the cached form changes. */
const CACHE_VERSION = '1';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const vendorApiDir = path.resolve(repoRoot, '../shared/vendor-api');
const cacheDir = path.resolve(repoRoot, 'node_modules/.cache/privacydesk-openapi');

export type JsonObject = Record<string, unknown>;

export function specFile(vendor: Vendor): string {
  return path.join(vendorApiDir, FILES[vendor]);
}

/** The parsed description (a fresh object each call: callers may transform it). */
export function readSpec(vendor: Vendor): JsonObject {
  const file = specFile(vendor);
  const raw = readFileSync(file);
  if (file.endsWith('.json')) return JSON.parse(raw.toString('utf8')) as JsonObject;
  const hash = createHash('sha256').update(CACHE_VERSION).update(raw).digest('hex').slice(0, 24);
  const cached = path.join(cacheDir, `${vendor}-${hash}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as JsonObject;
  const doc = parseYaml(raw.toString('utf8')) as JsonObject;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cached, JSON.stringify(doc));
  } catch {
    // A read-only node_modules only costs the YAML parse next time.
  }
  return doc;
}
