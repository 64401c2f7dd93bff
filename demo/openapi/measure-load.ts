/**
 * Measures how long loading the five vendor descriptions takes and what it costs in memory, cold (no JSON
 * cache for the YAML files) and warm, and validates one request per vendor. Last line: one JSON object.
 * Run: npm run bench:openapi
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { validateRequest, vendorValidator, VENDORS } from './index';
import { repoRoot } from './spec-store';

const cold = process.argv.includes('--cold');
if (cold) rmSync(path.resolve(repoRoot, 'node_modules/.cache/privacydesk-openapi'), { recursive: true, force: true });

const rssBefore = process.memoryUsage().rss;
const start = performance.now();
for (const vendor of VENDORS) {
  const t = performance.now();
  vendorValidator(vendor);
  console.log(`${vendor.padEnd(9)} loaded in ${(performance.now() - t).toFixed(0)} ms`);
}
const loadMs = performance.now() - start;
const probes = {
  zendesk: 'https://acme.zendesk.com/api/v2/search.json?query=type%3Aticket',
  front: 'https://api2.frontapp.com/contacts/alt:email:a%40b.nl',
  intercom: 'https://api.intercom.io/contacts/abc',
  gmail: 'https://gmail.googleapis.com/gmail/v1/users/me/messages?q=from%3Aa',
  graph: 'https://graph.microsoft.com/v1.0/users/me/messages?$top=5',
} as const;
const t1 = performance.now();
for (const vendor of VENDORS) {
  const r = validateRequest(vendor, { method: 'GET', url: probes[vendor] });
  if (!r.ok) throw new Error(`${vendor}: ${r.errors.join('; ')}`);
}
const firstValidateMs = performance.now() - t1;
const rssMb = (process.memoryUsage().rss - rssBefore) / 1e6;
console.log(
  `all five: ${loadMs.toFixed(0)} ms load, ${firstValidateMs.toFixed(0)} ms first validations, +${rssMb.toFixed(0)} MB RSS`,
);
console.log(
  JSON.stringify({
    cold,
    load_ms: Math.round(loadMs),
    first_validate_ms: Math.round(firstValidateMs),
    rss_mb: Math.round(rssMb),
  }),
);
