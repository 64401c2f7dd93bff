import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '../setup/locale-messages';

const dir = join(import.meta.dirname, '../../locales');
const read = (file: string) => loadMessages(readFileSync(join(dir, file), 'utf8'));

describe('locales', () => {
  const en = read('en.yml');
  const nl = read('nl.yml');

  it('ships English and Dutch, and nothing half-translated', () => {
    expect(readdirSync(dir).sort()).toEqual(['en.yml', 'nl.yml']);
  });

  it('Dutch has every English string and no extra ones', () => {
    expect([...nl.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('every string is non-empty and keeps the same placeholders in both languages', () => {
    for (const [key, text] of en) {
      const dutch = nl.get(key) ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(dutch.trim(), key).not.toBe('');
      const placeholders = (s: string) => (s.match(/\$\d/g) ?? []).sort();
      expect(placeholders(dutch), key).toEqual(placeholders(text));
    }
  });
});
