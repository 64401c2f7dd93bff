import { sentenceRecognizer } from '../context/sentence-category';

/** Biometric data (Art. 9) — nl/en/de/fr. */
export const biometric = sentenceRecognizer({
  id: 'biometric',
  type: 'BIOMETRIC',
  words: [
    'vingerafdruk*',
    'gezichtsherkenning',
    'irisscan',
    'biometri*',
    'fingerprint*',
    'face recognition',
    'facial recognition',
    'face id',
    'retina scan',
    'voiceprint',
    'stemafdruk',
    'fingerabdr*',
    'gesichtserkennung',
    'empreinte*',
    'reconnaissance faciale',
  ],
});
