/**
 * A tiny escaping template tag for the demo pages. Hand-written on purpose: the pages are a handful of static
 * templates rendered on the server, and a template engine would be a new dependency for a dev-only tool.
 * Every interpolated value is escaped unless it is itself the result of `html` (a SafeHtml fragment), so
 * the customers' messages can never become markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly Value[]).map(render).join('');
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\`` — text escaped; nested `html` fragments and arrays of them kept as they are. */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Plain text with line breaks as <br>, each line escaped. */
export function lines(text: string): SafeHtml {
  const parts = text.split('\n');
  return html`${parts.map((line, i) => (i === 0 ? html`${line}` : html`<br />${line}`))}`;
}
