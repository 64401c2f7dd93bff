/**
 * Test setup: WXT's fake browser, reset before each test, with browser.i18n answered from the real
 * English messages (locales/en.yml), as Chromium would with --lang=en-US. The fake browser has no
 * i18n of its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadMessages } from './locale-messages';

const messages = loadMessages(readFileSync(join(import.meta.dirname, '../../locales/en.yml'), 'utf8'));

function getMessage(key: string, substitutions?: string | string[]): string {
  const template = messages.get(key);
  if (template === undefined) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return template.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

const i18n = { getMessage, getUILanguage: () => 'en-US', getAcceptLanguages: async () => ['en-US'] };

function install(): void {
  Object.assign(fakeBrowser, { i18n });
}

install();
beforeEach(() => {
  fakeBrowser.reset();
  install();
});
