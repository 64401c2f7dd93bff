import { WORDS } from '../context/context-match';
import { documentNumbers } from '../context/document-number';
import type { Recognizer } from '../types';

/** Identity-card and driving-licence numbers after a document word (ID-kaart, Personalausweis, rijbewijs …). */
export const idCard: Recognizer = {
  id: 'id-card',
  types: ['ID_CARD'],
  detect: (scan) => documentNumbers(scan, WORDS.idCard, 'ID_CARD'),
};
