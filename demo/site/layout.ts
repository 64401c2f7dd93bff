/** The page frame shared by the demo's tool pages: a document with a title, some styling and room for the panel. */
import { html, SafeHtml } from './html';

const BASE_STYLE = `
body { margin: 0; font: 14px/1.5 system-ui, Arial, sans-serif; color: #2f3941; background: #f8f9f9; }
.bar { display: flex; gap: 16px; align-items: center; padding: 8px 16px; color: #fff; }
.bar a { color: inherit; }
.content { padding: 16px 24px; }
.card { background: #fff; border: 1px solid #d8dcde; border-radius: 6px; padding: 12px 16px; margin: 0 0 12px; }
.muted { color: #68737d; font-size: 12px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
td, th { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e9ebed; }
`;

export function page(opts: { title: string; lang?: string; style?: string; body: SafeHtml; script?: string }): string {
  const script = opts.script
    ? html`<script>
        ${fixedCode(opts.script)};
      </script>`
    : '';
  return html`<!doctype html>
    <html lang="${opts.lang ?? 'en'}">
      <head>
        <meta charset="utf-8" />
        <title>${opts.title}</title>
        <style>
          ${fixedCode(BASE_STYLE + (opts.style ?? ''))}
        </style>
      </head>
      <body>
        ${opts.body} ${script}
      </body>
    </html> `.value;
}

/** Our own fixed CSS and scripts (constants in this folder, never data): kept verbatim. */
function fixedCode(code: string): SafeHtml {
  return new SafeHtml(code);
}
