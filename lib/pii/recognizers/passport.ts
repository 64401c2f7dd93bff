import { WORDS } from '../context/context-match';
import { documentNumbers } from '../context/document-number';
import type { Recognizer } from '../types';

/** Passport numbers after a passport word (paspoort, passport, Reisepass, passeport …). */
export const passport: Recognizer = {
  id: 'passport',
  types: ['PASSPORT'],
  detect: (scan) => documentNumbers(scan, WORDS.passport, 'PASSPORT'),
};
