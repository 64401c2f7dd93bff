/**
 * Message bodies that tools hand over as HTML (Help Scout threads, Intercom parts, Gmail's text/html
 * parts, Outlook bodies) become plain text for the dossier: the text only, block elements as line
 * breaks, entities decoded, scripts and styles dropped. The parsing is htmlparser2's (a tolerant,
 * well-kept HTML tokenizer that runs the same in the browser and Node); only the small text layout
 * here is ours. The result is text: it is never put back into a page as HTML.
 */
import { Parser } from 'htmlparser2';

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);
/** Elements that start a new line but not a paragraph of their own. */
const LINE = new Set(['br', 'li', 'tr', 'dt', 'dd']);
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript']);

export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  let pre = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping += 1;
        if (name === 'pre') pre += 1;
        if (BLOCK.has(name)) out.push('\n');
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (BLOCK.has(name) && !LINE.has(name)) out.push('\n');
      },
      ontext(text) {
        if (skipping === 0) out.push(pre > 0 ? text : text.replace(/[ \t\n\r\f]+/g, ' '));
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/^ +| +$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Text that looks like HTML (a tag) is converted; other text is kept as it is. */
export function bodyText(body: string | null | undefined): string {
  if (!body) return '';
  return /<[a-z!/][^>]*>/i.test(body) ? htmlToText(body) : body;
}
