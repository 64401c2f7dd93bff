import { sentenceRecognizer } from '../context/sentence-category';

/** Sex life or sexual orientation (Art. 9) — nl/en/de/fr. */
export const sexualOrientation = sentenceRecognizer({
  id: 'sexual-orientation',
  type: 'SEXUAL_ORIENTATION',
  words: [
    'homo',
    'homoseksu*',
    'lesbi*',
    'biseksu*',
    'gay',
    'bisexual',
    'lgbt*',
    'lhbt*',
    'queer',
    'transgender*',
    'seksuele geaardheid',
    'sexual orientation',
    'schwul*',
    'homosexu*',
    'sexuelle orientierung',
    'orientation sexuelle',
    'vriendje van mijn zoon',
    'my husband and i are both men',
  ],
});
