import { describe, expect, it } from 'vitest';
import { base64Chunks, decodeBase64Text } from '../../../lib/dossier/sources/base64-chunks';
import { addressesOf, displayNameOf, readPayload, type GmailPart } from '../../../lib/dossier/sources/gmail-payload';
import { bodyText, htmlToText } from '../../../lib/dossier/sources/html-text';

const b64url = (bytes: Uint8Array | string) =>
  Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64url');

describe('Gmail message parts (format=full)', () => {
  const payload: GmailPart = {
    mimeType: 'multipart/mixed',
    headers: [
      { name: 'From', value: '"Visser, Lotte" <Lotte@Example.nl>' },
      { name: 'To', value: 'support@acme.example, Bob <bob@example.com>' },
      { name: 'Subject', value: 'Bestelling' },
    ],
    parts: [
      {
        partId: '0',
        mimeType: 'multipart/alternative',
        parts: [
          {
            partId: '0.0',
            mimeType: 'text/plain',
            headers: [{ name: 'Content-Type', value: 'text/plain; charset="ISO-8859-1"' }],
            // "café" in Latin-1: the é is one byte, 0xE9.
            body: { data: b64url(new Uint8Array([0x63, 0x61, 0x66, 0xe9])) },
          },
          { partId: '0.1', mimeType: 'text/html', body: { data: b64url('<p>caf&eacute;</p>') } },
        ],
      },
      {
        partId: '1',
        mimeType: 'application/pdf',
        filename: 'factuur.pdf',
        headers: [{ name: 'Content-Disposition', value: 'attachment; filename="factuur.pdf"' }],
        body: { attachmentId: 'ANGj1', size: 12 },
      },
      { partId: '2', mimeType: 'image/png', filename: 'logo.png', body: { data: b64url('png!'), size: 4 } },
      { partId: '3', mimeType: 'text/plain', filename: 'notes.txt', body: { attachmentId: 'ANGj3', size: 4 } },
    ],
  };

  it('takes the plain text in its charset (not the HTML alternative) and lists each file once', () => {
    const read = readPayload(payload);
    expect(read.text).toBe('café');
    expect(read.files.map((f) => [f.name, f.contentType, f.attachmentId ?? null, f.data ?? null])).toEqual([
      ['factuur.pdf', 'application/pdf', 'ANGj1', null],
      ['logo.png', 'image/png', null, b64url('png!')],
      ['notes.txt', 'text/plain', 'ANGj3', null],
    ]);
    expect(read.headers.get('subject')).toBe('Bestelling');
  });

  it('falls back to the HTML part as text when there is no plain part, and fetches a body Gmail moved out', () => {
    const htmlOnly = readPayload({ mimeType: 'text/html', body: { data: b64url('<div>Hoi<br>daar &amp; dag</div>') } });
    expect(htmlOnly.text).toBe('Hoi\ndaar & dag');
    const large = readPayload({ mimeType: 'text/plain', body: { attachmentId: 'BIG', size: 9_000_000 } });
    expect(large.textParts).toEqual([{ attachmentId: 'BIG', charset: 'utf-8', html: false }]);
    expect(large.files).toEqual([]);
  });

  it('reads addresses and display names from address headers', () => {
    expect(addressesOf('"Visser, Lotte" <Lotte@Example.nl>, bob@example.com')).toEqual([
      'lotte@example.nl',
      'bob@example.com',
    ]);
    expect(displayNameOf('"Visser, Lotte" <lotte@example.nl>')).toBe('Visser, Lotte');
    expect(displayNameOf('lotte@example.nl')).toBeUndefined();
  });
});

describe('HTML bodies as text', () => {
  it('keeps the words and line breaks, decodes entities, drops scripts and styles', () => {
    const html =
      '<html><head><style>p{color:red}</style><title>x</title></head><body><p>Beste   Sanne,</p>' +
      '<p>mijn IBAN is <b>NL91&nbsp;ABNA</b> &lt;geheim&gt;</p><script>alert(1)</script><ul><li>een</li><li>twee</li></ul></body></html>';
    expect(htmlToText(html)).toBe('Beste Sanne,\n\nmijn IBAN is NL91\u00a0ABNA <geheim>\n\neen\ntwee');
  });

  it('leaves plain text as it is, including characters that look like markup only in words', () => {
    expect(bodyText('a < b and c > d')).toBe('a < b and c > d');
    expect(bodyText(null)).toBe('');
  });
});

describe('base64 in slices', () => {
  it('decodes a large base64url text in bounded slices that join to the original bytes', () => {
    const bytes = new Uint8Array(300_001).map((_, i) => (i * 7 + 3) & 0xff);
    const slices = [...base64Chunks(b64url(bytes), 'base64url')];
    expect(slices.length).toBeGreaterThan(5);
    expect(Math.max(...slices.map((s) => s.byteLength))).toBeLessThanOrEqual(49_152);
    expect(Buffer.concat(slices).equals(Buffer.from(bytes))).toBe(true);
  });

  it('decodes multi-byte text split across slices', () => {
    const text = '✓ café '.repeat(20_000);
    expect(decodeBase64Text(Buffer.from(text).toString('base64'), 'utf-8', 'base64')).toBe(text);
  });

  it('refuses malformed base64 instead of inventing bytes', () => {
    expect(() => [...base64Chunks('abcde', 'base64')]).toThrow();
  });
});
