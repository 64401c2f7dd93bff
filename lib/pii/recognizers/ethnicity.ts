import { sentenceRecognizer } from '../context/sentence-category';

/** Racial or ethnic origin (Art. 9) — nl/en/de/fr. */
export const ethnicity = sentenceRecognizer({
  id: 'ethnicity',
  type: 'ETHNICITY',
  words: [
    'afkomst',
    'etniciteit',
    'etnisch*',
    'huidskleur',
    'ras',
    'allochto*',
    'migratieachtergrond',
    'ethnic*',
    'race',
    'racial',
    'skin colour',
    'skin color',
    'herkunft',
    'ethnie',
    'hautfarbe',
    'origine ethnique',
    'origines',
    'discriminat*',
    'racis*',
  ],
  idioms: ['race condition', 'rat race'],
});
