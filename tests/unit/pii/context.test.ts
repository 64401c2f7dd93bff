import { describe, expect, it } from 'vitest';
import { found } from './helpers';
import { detectPii } from '../../../lib/pii';

describe('e-mail addresses', () => {
  it('finds addresses including punycode domains, not broken ones', () => {
    expect(found('Mail m.de-vries+shop@example.nl of a@xn--d1acufc.xn--p1ai.', 'EMAIL')).toEqual([
      'm.de-vries+shop@example.nl',
      'a@xn--d1acufc.xn--p1ai',
    ]);
    expect(found('my email is info@presidio.', 'EMAIL')).toEqual([]);
  });
});

describe('postcodes and addresses', () => {
  it('finds Dutch postcodes with and without space', () => {
    expect(found('1234 AB Amsterdam en 5678CD Utrecht', 'POSTCODE')).toEqual(['1234 AB', '5678CD']);
  });

  it('finds Belgian and German postcodes only with context', () => {
    expect(found('Hauptstraße 5, 10115 Berlin', 'POSTCODE')).toEqual(['10115']);
    expect(found('B-2000 Antwerpen', 'POSTCODE')).toEqual(['B-2000']);
    expect(found('Ik heb 10115 Berlijners gezien', 'POSTCODE')).toEqual([]);
  });

  it('finds street + number + addition', () => {
    expect(found('Ik woon op de Kerkstraat 12-2 in Utrecht.', 'ADDRESS')).toEqual(['Kerkstraat 12-2']);
    expect(found('Adres: Burgemeester de Vlugtlaan 3 bis', 'ADDRESS')).toEqual(['Burgemeester de Vlugtlaan 3 bis']);
    expect(found('Send it to 221B Baker Street please', 'ADDRESS')).toEqual(['221B Baker Street']);
    expect(found('Wir wohnen in der Hauptstraße 5a.', 'ADDRESS')).toEqual(['Hauptstraße 5a']);
  });
});

describe('dates of birth (by context)', () => {
  it.each([
    ['Ik ben geboren op 12-03-1985.', '12-03-1985'],
    ['Geboortedatum: 3 maart 1985', '3 maart 1985'],
    ['geb. 03.03.1985', '03.03.1985'],
    ['DOB: 1985-03-03', '1985-03-03'],
    ['I was born on March 3, 1985.', 'March 3, 1985'],
    ['Geburtsdatum 03.03.1985', '03.03.1985'],
    ['née le 3 mars 1985', '3 mars 1985'],
  ])('%s', (text, dob) => {
    expect(found(text, 'DATE_OF_BIRTH')).toEqual([dob]);
  });

  it('ignores other dates', () => {
    expect(found('Besteld op 12-03-2024, geleverd op 14-03-2024.', 'DATE_OF_BIRTH')).toEqual([]);
  });
});

describe('documents and plates', () => {
  it('finds passport and ID-card numbers after a document word only', () => {
    expect(found('Mijn paspoortnummer is NXR4K82P1.', 'PASSPORT')).toEqual(['NXR4K82P1']);
    expect(found('Nummer van mijn ID-kaart: IR57BJ6P3', 'ID_CARD')).toEqual(['IR57BJ6P3']);
    expect(found('Code NXR4K82P1 gebruikt.', 'PASSPORT')).toEqual([]);
  });

  it('finds Dutch plates by side code, undashed only after "kenteken"', () => {
    expect(found('De auto met GF-123-B en 12-BDF-3 stond er.', 'LICENSE_PLATE')).toEqual(['GF-123-B', '12-BDF-3']);
    expect(found('kenteken 12BDF3', 'LICENSE_PLATE')).toEqual(['12BDF3']);
    expect(found('code 12BDF3', 'LICENSE_PLATE')).toEqual([]);
  });
});

describe('person names (context and hints)', () => {
  it('reads greetings, introductions, titles and sign-offs', () => {
    const text =
      'Beste Sanne,\n\nMijn naam is Pieter van der Berg. Ik sprak met mevrouw De Vries.\n\nMet vriendelijke groet,\nJan Jansen';
    expect(found(text, 'PERSON')).toEqual(['Sanne', 'Pieter van der Berg', 'De Vries', 'Jan Jansen']);
  });

  it('reads chat speaker labels but not roles or form labels', () => {
    const text = '[10:32] Gert-Jan de Graaf: hallo\nAgent: hoi\nTicketnummer: 12345';
    expect(found(text, 'PERSON')).toEqual(['Gert-Jan de Graaf']);
  });

  it('reads e-mail header lines (Van:, from :, CC:, à :) as headers, longer words as speakers', () => {
    const text = 'Van: Jan Jansen\nfrom : Jane Doe\nCC:Bob Smith\nà : Marie Curie\nVanessa: hoi\nFromage: x';
    const names = detectPii(text)
      .filter((f) => f.type === 'PERSON')
      .map((f) => [f.value, f.confidence]);
    expect(names).toEqual([
      ['Jan Jansen', 0.85],
      ['Jane Doe', 0.85],
      ['Bob Smith', 0.85],
      ['Marie Curie', 0.85],
      ['Vanessa', 0.8],
      ['Fromage', 0.8],
    ]);
  });

  it('does not take "Dear customer" or "Hi team" for names', () => {
    expect(found('Dear customer, hi team, beste klant,', 'PERSON')).toEqual([]);
  });

  it('uses the conversation’s known names as hints', () => {
    expect(
      found('ik heb fleur gebeld en Fleur Bakker nam op', 'PERSON', { hints: { names: ['Fleur Bakker'] } }),
    ).toEqual(['Fleur Bakker']);
  });
});

describe('special categories (sentence level)', () => {
  it('reports the sentence that mentions health, religion, union membership or criminal data', () => {
    const text = 'Hallo. Ik ben sinds maart zwanger. Als lid van de FNV vraag ik dit. Ik heb een strafblad.';
    expect(found(text, 'HEALTH')).toEqual(['Ik ben sinds maart zwanger.']);
    expect(found(text, 'TRADE_UNION')).toEqual(['Als lid van de FNV vraag ik dit.']);
    expect(found(text, 'CRIMINAL')).toEqual(['Ik heb een strafblad.']);
  });

  it('ignores idioms', () => {
    expect(found('Ik ben dit wachten ziek van. I am sick of waiting.', 'HEALTH')).toEqual([]);
  });
});
