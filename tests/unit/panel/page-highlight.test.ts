import { describe, expect, it } from 'vitest';
import { findTextRange } from '@/lib/panel/page-highlight';

function page(html: string): Document {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  return document;
}

describe('findTextRange', () => {
  it('finds a value inside one text node', () => {
    const doc = page('<p>Bel me op 06-12345678 graag</p>');
    const range = findTextRange(doc.body, '06-12345678');
    expect(range?.toString()).toBe('06-12345678');
  });

  it('finds a value split across elements', () => {
    const doc = page('<p>IBAN <b>NL91 ABNA</b> 0417 1643 00</p>');
    expect(findTextRange(doc.body, 'NL91 ABNA 0417 1643 00')?.toString()).toBe('NL91 ABNA 0417 1643 00');
  });

  it('picks the n-th occurrence and ignores script text', () => {
    const doc = page('<script>var x = "a@b.nl"</script><p>a@b.nl</p><p>a@b.nl</p>');
    const second = findTextRange(doc.body, 'a@b.nl', 1);
    expect(second?.startContainer.parentElement).toBe(doc.querySelectorAll('p')[1]);
    expect(findTextRange(doc.body, 'a@b.nl', 2)).toBeNull();
  });

  it('returns null when the value is not on the page', () => {
    expect(findTextRange(page('<p>nothing</p>').body, 'x@y.z')).toBeNull();
  });
});
