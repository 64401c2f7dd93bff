import { LETTER } from '../context/boundary';
import { documentNumbers } from '../context/document-number';
import { PASSPORT_WORDS } from '../context/context-words';
import type { Recognizer } from '../types';

/** Passport numbers after a passport word (paspoort, passport, Reisepass, passeport …). */
const TRIGGER = new RegExp(`\\b(?:${PASSPORT_WORDS.join('|')})[${LETTER}]*`, 'g');

export const passport: Recognizer = {
  id: 'passport',
  types: ['PASSPORT'],
  detect: ({ text, lower }) => documentNumbers(text, lower, TRIGGER, 'PASSPORT'),
};
