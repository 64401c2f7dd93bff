import { LETTER } from '../context/boundary';
import { documentNumbers } from '../context/document-number';
import { ID_CARD_WORDS } from '../context/context-words';
import type { Recognizer } from '../types';

/** Identity-card and driving-licence numbers after a document word (ID-kaart, Personalausweis, rijbewijs …). */
const TRIGGER = new RegExp(
  `\\b(?:${ID_CARD_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[${LETTER}]*`,
  'g',
);

export const idCard: Recognizer = {
  id: 'id-card',
  types: ['ID_CARD'],
  detect: ({ text, lower }) => documentNumbers(text, lower, TRIGGER, 'ID_CARD'),
};
