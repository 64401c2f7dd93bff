import { describe, expect, it } from 'vitest';
import { isHidden, linkIdentities, plainText, stripBidiControls } from '@/lib/sites/page-text';
import { isoFromAttribute, parseDisplayedDate } from '@/lib/sites/parse-date';
import { sameRead } from '@/lib/sites/same-read';
import { parseFixture } from './load-fixture';

const page = (body: string) => parseFixture(`<!doctype html><html><body>${body}</body></html>`).doc;

describe('plainText', () => {
  it('keeps text and line breaks, drops scripts, styles, hidden parts and bidi controls', () => {
    const doc = page(
      '<div id="m"><p>Hallo <b>Sanne</b>,</p><script>evil()</script><style>p{}</style>' +
        '<p hidden>verborgen</p><p style="display: none">ook weg</p><p>IBAN\u202e NL91 ABNA 0417 1643 00</p>' +
        '<img src=x onerror="evil()"><a href="javascript:evil()">klik</a></div>',
    );
    expect(plainText(doc.getElementById('m'))).toBe('Hallo Sanne,\n\nIBAN NL91 ABNA 0417 1643 00\nklik');
  });

  it('leaves excluded parts out', () => {
    const doc = page('<div id="m">Nieuw<div class="gmail_quote">oud citaat</div></div>');
    expect(plainText(doc.getElementById('m'), { exclude: '.gmail_quote' })).toBe('Nieuw');
  });

  it('strips every bidirectional control character', () => {
    expect(stripBidiControls('a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j\u200Fk')).toBe(
      'abcdefghijk',
    );
  });

  it('knows an element inside a hidden ancestor is hidden', () => {
    const doc = page('<div aria-hidden="true"><span id="s">x</span></div><span id="v">y</span>');
    expect(isHidden(doc.getElementById('s')!)).toBe(true);
    expect(isHidden(doc.getElementById('v')!)).toBe(false);
  });
});

describe('links', () => {
  it('reads mailto: addresses (decoded, lower-case, several per link) and tel: numbers', () => {
    const doc = page(
      '<a href="mailto:Jan%40Example.nl?subject=x">a</a><a href="MAILTO:a@b.nl,c@d.nl">b</a><a href="mailto:nope">c</a>' +
        '<a href="tel:+31 (0)6-1234 5678">d</a><a href="tel:12">e</a>',
    );
    expect(linkIdentities(doc).emails).toEqual(['jan@example.nl', 'a@b.nl', 'c@d.nl']);
    expect(linkIdentities(doc).phones).toEqual(['+310612345678']);
  });
});

describe('dates', () => {
  it('reads the times the tools print, in local time', () => {
    expect(parseDisplayedDate('Tue, Nov 24, 2026, 4:30 PM')).toBe(new Date(2026, 10, 24, 16, 30).toISOString());
    expect(parseDisplayedDate('di 24 nov. 2026 10:14')).toBe(new Date(2026, 10, 24, 10, 14).toISOString());
    expect(parseDisplayedDate('3 mrt 2026 12:00 AM')).toBe(new Date(2026, 2, 3, 0, 0).toISOString());
    expect(parseDisplayedDate('Mon 23/11/2026 08:47')).toBe(new Date(2026, 10, 23, 8, 47).toISOString());
    expect(parseDisplayedDate('2026-11-24T10:02:00Z')).toBe('2026-11-24T10:02:00.000Z');
    expect(parseDisplayedDate('yesterday')).toBeNull();
    expect(parseDisplayedDate('')).toBeNull();
    expect(isoFromAttribute('not a date')).toBeNull();
    expect(isoFromAttribute('2026-11-22T13:20:00+01:00')).toBe('2026-11-22T12:20:00.000Z');
  });
});

describe('sameRead', () => {
  const base = {
    ok: true as const,
    conversation: {
      tool: 'zendesk' as const,
      conversationId: '1',
      url: 'https://x.zendesk.com/agent/tickets/1',
      subject: 's',
      customer: { name: 'n', emails: ['n@example.nl'], phones: [], handles: [] },
      messages: [
        { id: 'm1', author: 'a', fromCustomer: true, sentAt: null, text: 'hallo' },
        { id: 'm2', author: 'b', fromCustomer: false, sentAt: '2026-11-22T12:20:00.000Z', text: 'dag' },
      ],
    },
  };

  it('is true for an unchanged conversation and false for a first read', () => {
    expect(sameRead(structuredClone(base), base)).toBe(true);
    expect(sameRead(null, base)).toBe(false);
  });

  it('is false when a text, an author, a time, an id, the customer or the subject changes', () => {
    const edits: ((c: typeof base.conversation) => void)[] = [
      (c) => void (c.messages[1]!.text = 'dag!'),
      (c) => void (c.messages[0]!.author = 'z'),
      (c) => void (c.messages[1]!.sentAt = '2026-11-23T12:20:00.000Z'),
      (c) => void (c.messages[1]!.id = 'm3'),
      (c) => void c.messages.pop(),
      (c) => void c.customer.emails.push('other@example.nl'),
      (c) => void (c.subject = 't'),
      (c) => void (c.conversationId = '2'),
    ];
    for (const edit of edits) {
      const changed = structuredClone(base);
      edit(changed.conversation);
      expect(sameRead(base, changed)).toBe(false);
    }
  });

  it('compares failures by reason and failed selectors', () => {
    const fail = (failed: string[]) =>
      ({ ok: false, reason: 'layout-not-recognised', failed, diagnostics: '' }) as const;
    expect(sameRead(fail(['messages']), fail(['messages']))).toBe(true);
    expect(sameRead(fail(['messages']), fail(['subject']))).toBe(false);
    expect(sameRead(fail(['messages']), base)).toBe(false);
  });
});
