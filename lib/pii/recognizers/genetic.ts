import { sentenceRecognizer } from '../context/sentence-category';

/** Genetic data (Art. 9) — nl/en/de/fr. */
export const genetic = sentenceRecognizer({
  id: 'genetic',
  type: 'GENETIC',
  words: [
    'dna',
    'dna-test',
    'genetisch*',
    'erfelijk*',
    'gentest',
    'genetic*',
    'genome',
    'genoom',
    '23andme',
    'ancestrydna',
    'erbkrank*',
    'génétique*',
    'brca*',
  ],
});
