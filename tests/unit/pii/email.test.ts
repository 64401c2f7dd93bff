import { describe, expect, it } from 'vitest';
import { detectPii } from '../../../lib/pii';

const emails = (text: string) => detectPii(text, { types: ['EMAIL'] }).map((f) => f.value);

describe('e-mail addresses', () => {
  it('reads local parts and domains with letters beyond ASCII, and stops at other characters', () => {
    expect(emails('Mail: José.Müller+tag@bücher.example.de, graag.')).toEqual(['José.Müller+tag@bücher.example.de']);
    expect(emails('(jan_de-vries@mail.nl)')).toEqual(['jan_de-vries@mail.nl']);
    expect(emails('«anna@voorbeeld.nl»')).toEqual(['anna@voorbeeld.nl']);
  });

  it('drops leading dots and trailing dots or dashes, and needs a real top-level domain', () => {
    expect(emails('..piet@host.nl.')).toEqual(['piet@host.nl']);
    expect(emails('see a@b.c-')).toEqual([]);
    expect(emails('user@localhost and @handle')).toEqual([]);
  });

  it('does not take a lone surrogate or an emoji into the address', () => {
    expect(emails('\ud83d\ude00sam@mail.com')).toEqual(['sam@mail.com']);
    expect(emails('\ud800x@mail.com')).toEqual(['x@mail.com']);
  });
});
