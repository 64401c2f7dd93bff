import { sentenceRecognizer } from '../context/sentence-category';

/** Trade-union membership (Art. 9) — nl/en/de/fr. */
export const tradeUnion = sentenceRecognizer({
  id: 'trade-union',
  type: 'TRADE_UNION',
  words: [
    'vakbond*',
    'fnv',
    'cnv',
    'trade union',
    'labour union',
    'labor union',
    'union member*',
    'union dues',
    'gewerkschaft*',
    'verdi',
    'ig metall',
    'syndicat*',
    'syndiqué*',
  ],
});
