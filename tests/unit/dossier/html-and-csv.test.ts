import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { escapeHtml, safeRelativeHref } from '../../../lib/dossier/html/escape';
import { HTML_STRINGS } from '../../../lib/dossier/html/strings';
import { sanitiseFileName, UniqueNames } from '../../../lib/dossier/file-names';
import { loadMessages } from '../../setup/locale-messages';
import { draft, HOSTILE, produce, text } from './fixture';

describe('index.html', () => {
  it('escapes hostile content: no script, no event handler, no javascript: link, no raw RTL override', async () => {
    const { files } = await produce(draft(), { scope: 'access', language: 'en' });
    const html = text(files['index.html']);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toContain('\u202E');
    expect(html).toContain('[U+202E]');
    // Parsed by a real HTML parser, the hostile text is text only.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script, img, iframe, object, embed')).toHaveLength(0);
    expect(
      [...doc.querySelectorAll('*')].flatMap((el) => el.getAttributeNames()).filter((n) => n.startsWith('on')),
    ).toEqual([]);
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^attachments\//);
  });

  it('is self-contained with a strict Content-Security-Policy', async () => {
    const { files } = await produce(draft(), { scope: 'access', language: 'en' });
    const html = text(files['index.html']);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe');
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/<link/i);
  });

  it('reads in Dutch or English', async () => {
    const nl = text((await produce(draft(), { scope: 'access', language: 'nl' })).files['index.html']);
    const en = text((await produce(draft(), { scope: 'access', language: 'en' })).files['index.html']);
    expect(nl).toContain('<html lang="nl"');
    expect(nl).toContain('Dossier persoonsgegevens');
    expect(nl).toContain('Interne notitie');
    expect(en).toContain('Personal data dossier');
  });

  it('uses the same words as locales/*.yml under dossier.html', () => {
    for (const lang of ['en', 'nl'] as const) {
      const messages = loadMessages(readFileSync(join(import.meta.dirname, `../../../locales/${lang}.yml`), 'utf8'));
      for (const [key, value] of Object.entries(HTML_STRINGS[lang]))
        expect(messages.get(`dossier_html_${key}`), key).toBe(value);
    }
  });

  it('only links to files inside the ZIP', () => {
    expect(safeRelativeHref('attachments/a b.pdf')).toBe('attachments/a%20b.pdf');
    expect(safeRelativeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeRelativeHref('attachments/../x')).toBeUndefined();
    expect(safeRelativeHref('https://evil.example/x')).toBeUndefined();
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});

describe('attachment names', () => {
  it('keeps the original name, made safe and unique', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(sanitiseFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFileName('CON.txt')).toBe('_CON.txt');
    expect(sanitiseFileName('')).toBe('file');
    const names = new UniqueNames();
    expect(['a.pdf', 'A.pdf', 'a.pdf', 'b'].map((n) => names.take(n))).toEqual([
      'a.pdf',
      'A (2).pdf',
      'a (3).pdf',
      'b',
    ]);
  });
});

describe('CSV files', () => {
  it('round-trip through papaparse with commas, quotes, newlines and hostile text intact', async () => {
    const { dossier, files } = await produce(draft(), { scope: 'access', language: 'en' });
    const parsed = Papa.parse<Record<string, string>>(text(files['messages.csv']), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.text)).toEqual(dossier.messages.map((m) => m.text));
    expect(parsed.data.map((r) => r.internal)).toEqual(['false', 'true', 'false', 'false']);
    expect(parsed.data[0]?.text).toContain(HOSTILE);
    const holds = Papa.parse<Record<string, string>>(text(files['holds.csv']), { header: true, skipEmptyLines: true });
    expect(holds.data[0]?.legalGround).toBe('fiscale bewaarplicht 7 jaar');
    const attachments = Papa.parse<Record<string, string>>(text(files['attachments.csv']), {
      header: true,
      skipEmptyLines: true,
    });
    expect(attachments.data.map((r) => r.sha256)).toEqual(dossier.attachments.map((a) => a.sha256));
    for (const name of ['conversations.csv', 'requests.csv'])
      expect(Papa.parse(text(files[name])).errors, name).toEqual([]);
  });

  it('keeps a spreadsheet from running a formula in a cell', async () => {
    const input = draft();
    input.messages[0]!.text = '=HYPERLINK("http://evil.example","click")';
    const { files } = await produce(input, { scope: 'access', language: 'en' });
    const parsed = Papa.parse<Record<string, string>>(text(files['messages.csv']), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data[0]?.text?.startsWith('=')).toBe(false);
  });
});
