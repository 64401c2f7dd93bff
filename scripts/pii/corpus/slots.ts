import type { Rng } from './random';
import * as v from './values';

/** Fills one `{KEY}` slot: [entity type or null for an unlabelled look-alike, text]. */
export interface People {
  lang: v.Lang;
  first: string;
  last: string;
  full: string;
  email: string;
  agent: string;
  agentFull: string;
}

export function slot(r: Rng, key: string, p: People): [string | null, string] {
  const lang = p.lang;
  const other = () => v.personName(r, r.chance(0.8) ? lang : lang === 'nl' ? 'en' : 'nl');
  switch (key) {
    case 'NAME':
      return ['PERSON', p.full];
    case 'FIRST':
      return ['PERSON', p.first];
    case 'AGENT':
      return ['PERSON', p.agent];
    case 'AGENT_FULL':
      return ['PERSON', p.agentFull];
    case 'LAST':
      return ['PERSON', v.capitaliseParticle(p.last)];
    case 'OTHER':
      return ['PERSON', other().full];
    case 'OTHER_FIRST':
      return ['PERSON', other().first];
    case 'EMAIL':
      return ['EMAIL', p.email];
    case 'EMAIL2': {
      const o = other();
      return ['EMAIL', v.email(r, o.first, o.last)];
    }
    case 'PHONE':
      return ['PHONE', v.phone(r, lang)];
    case 'IBAN':
      return ['IBAN', v.ibanSpelled(r, v.ibanCompact(r, r.pick(['NL', 'NL', 'NL', 'BE', 'DE'] as const)))];
    case 'BAD_IBAN':
      return [null, v.ibanSpelled(r, v.ibanCompact(r, 'NL', true))];
    case 'CARD':
      return ['CREDIT_CARD', v.card(r)];
    case 'BAD_CARD':
      return [null, v.card(r, true)];
    case 'BSN':
      return ['NL_BSN', v.bsn(r)];
    case 'BAD_BSN':
      return [null, v.bsn(r, false)];
    case 'CUSTNR':
      return [null, v.bsn(r).replace(/\D/g, '')];
    case 'POSTCODE':
      return ['POSTCODE', v.postcodeNl(r)];
    case 'POSTCODE_UK':
      return ['POSTCODE', v.postcodeUk(r)];
    case 'STREET':
      return ['ADDRESS', v.streetAddressNl(r)];
    case 'STREET_EN':
      return ['ADDRESS', v.streetAddressEn(r)];
    case 'CITY':
      return [null, v.cityNl(r)];
    case 'CITY_UK':
      return [null, v.cityUk(r)];
    case 'DOB':
      return ['DATE_OF_BIRTH', v.date(r, lang)];
    case 'DATE':
      return [null, v.date(r, 'nl', 2023, 2026)];
    case 'DATE_EN':
      return [null, v.date(r, 'en', 2023, 2026)];
    case 'IP':
      return ['IP_ADDRESS', v.ip(r)];
    case 'PLATE':
      return ['LICENSE_PLATE', v.plateNl(r)];
    case 'PASSPORT':
      return ['PASSPORT', v.documentNumber(r)];
    case 'IDCARD':
      return ['ID_CARD', v.documentNumber(r)];
    case 'ORDER_PHONE':
      return [
        null,
        r.pick([
          `06${r.digits(8)}`,
          `0${r.int(1, 9)}${r.digits(8)}`,
          `06-${r.digits(8)}`,
          `0${r.int(1, 7)}0 ${r.digits(3)} ${r.digits(4)}`,
        ]),
      ];
    case 'ORDER':
      return [
        null,
        r.pick([`#${r.digits(7)}`, `NL-${r.digits(8)}`, `${r.digits(10)}`, `ORD-${r.digits(6)}`, `${r.digits(9)}`]),
      ];
    case 'INVOICE':
      return [null, r.pick([`${r.int(2023, 2026)}-${r.digits(6)}`, `F${r.digits(8)}`, `INV-${r.digits(7)}`])];
    case 'TRACK':
      return [
        null,
        r.pick([
          `3S${'ABCDEFGHJKLMNPQRSTUVWXYZ'[r.int(0, 23)]}${'ABCDEFGHJKLMNPQRSTUVWXYZ'[r.int(0, 23)]}${r.digits(9)}`,
          `1Z${r.digits(3)}AA${r.digits(10)}`,
          `JVGL${r.digits(14)}`,
          `0${r.digits(13)}`,
          `${r.digits(10)}`,
          `CD${r.digits(9)}NL`,
        ]),
      ];
    case 'KVK':
      return [null, r.digits(8)];
    case 'VAT':
      return [
        null,
        r.pick([
          `NL${r.digits(9)}B0${r.int(1, 9)}`,
          `BE0${r.digits(3)}.${r.digits(3)}.${r.digits(3)}`,
          `GB${r.digits(9)}`,
        ]),
      ];
    case 'CREDITOR':
      return [null, `NL${r.digits(2)}ZZZ${r.digits(12)}`];
    case 'AMOUNT':
      return [
        null,
        r.pick([
          `€ ${r.int(1, 999)},${r.digits(2)}`,
          `€${r.int(1, 9)}.${r.digits(3)},${r.digits(2)}`,
          `EUR ${r.int(10, 9999)}`,
          `${r.int(5, 500)} euro`,
        ]),
      ];
    case 'AMOUNT2':
      return [null, `€ ${r.int(1, 99)},${r.digits(2)}`];
    case 'AMOUNT_EN':
      return [
        null,
        r.pick([
          `£${r.int(1, 999)}.${r.digits(2)}`,
          `€${r.int(1, 9)},${r.digits(3)}.${r.digits(2)}`,
          `${r.int(10, 999)} EUR`,
        ]),
      ];
    case 'AMOUNT_EN2':
      return [null, `£${r.int(1, 99)}.${r.digits(2)}`];
    case 'TIME':
      return [null, `${String(r.int(7, 12)).padStart(2, '0')}:${r.pick(['00', '15', '30', '45'])}`];
    case 'TIME2':
      return [null, `${r.int(13, 22)}:${r.pick(['00', '30'])}`];
    case 'VERSION':
      return [null, `${r.int(1, 12)}.${r.int(0, 20)}.${r.int(0, 99)}`];
    case 'SMALLNUM':
      return [null, String(r.int(2, 40))];
    case 'KENMERK':
      return [null, `${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(4)}`];
    default:
      throw new Error(`unknown slot ${key}`);
  }
}
