import type { ReadFailureReason, SelectorSpec } from './site-adapter';

/**
 * The text behind "Copy diagnostics". It names the site, the adapter version, the reason and the selectors
 * with how many elements each found — structure only. It never contains page text, URLs, ids or addresses:
 * everything in it comes from the adapter's own constants and element counts.
 */
export function buildDiagnostics(input: {
  site: string;
  label: string;
  version: string;
  reason: ReadFailureReason;
  failed: readonly string[];
  selectors: Readonly<Record<string, SelectorSpec>>;
  counts: Readonly<Record<string, number>>;
}): string {
  const lines = [
    'PrivacyDesk diagnostics',
    `site: ${input.site} (${input.label})`,
    `adapter version: ${input.version}`,
    `reason: ${input.reason}`,
    `failed selectors: ${input.failed.length ? input.failed.join(', ') : 'none'}`,
    'selector counts:',
  ];
  for (const [name, spec] of Object.entries(input.selectors)) {
    const count = input.counts[name] ?? 0;
    lines.push(`  ${name}: ${count} (${spec.required === false ? 'optional' : 'required'}) ${spec.selector}`);
  }
  return lines.join('\n');
}
