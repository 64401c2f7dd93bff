/**
 * Deterministic demo data: about 50 Dutch and English customers with conversations full of personal data
 * (addresses, phone numbers, IBANs, birth dates, order numbers, attachments) spread over the six tools.
 * Some were closed more than two years ago (retention), some are held (`privacy-keep`), some CC a partner,
 * and some mention another customer's address in the text (a mention is not ownership).
 */
import { intBetween, pick, seededRng, type Rng } from './core/rng';
import { AGENT, type SeedConversation, type SeedCustomer, type SeedData, type SeedMessage } from './core/seed-model';
import { DAY_MS, TOOL_IDS, type ToolId } from './core/types';

export type { SeedData } from './core/seed-model';

const NL_FIRST = [
  'Daan',
  'Sanne',
  'Lotte',
  'Bram',
  'Femke',
  'Joris',
  'Anouk',
  'Thijs',
  'Eva',
  'Ruben',
  'Noor',
  'Sem',
  'Lieke',
  'Jesse',
  'Maud',
];
const NL_LAST = [
  'de Jong',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Dijk',
  'Dekker',
];
const EN_FIRST = [
  'Oliver',
  'Amelia',
  'Harry',
  'Isla',
  'George',
  'Ava',
  'Jack',
  'Emily',
  'Thomas',
  'Grace',
  'James',
  'Sophie',
  'William',
  'Chloe',
];
const EN_LAST = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Evans',
  'Thomas',
  'Roberts',
  'Walker',
  'Wright',
  'Hughes',
];
const NL_STREETS = [
  'Keizersgracht',
  'Dorpsstraat',
  'Kerkweg',
  'Stationsplein',
  'Molenlaan',
  'Oudegracht',
  'Lindenlaan',
];
const NL_CITIES: readonly (readonly [string, string])[] = [
  ['1015 CJ', 'Amsterdam'],
  ['3511 AB', 'Utrecht'],
  ['2611 HW', 'Delft'],
  ['9711 LM', 'Groningen'],
  ['5611 EM', 'Eindhoven'],
];
const EN_STREETS = ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Mill Lane', 'Park Avenue'];
const EN_CITIES: readonly (readonly [string, string])[] = [
  ['SW1A 1AA', 'London'],
  ['M1 1AE', 'Manchester'],
  ['LS1 4DY', 'Leeds'],
  ['BS1 5TR', 'Bristol'],
  ['EH1 1YZ', 'Edinburgh'],
];

interface Person extends SeedCustomer {
  address: string;
  iban: string;
  birthDate: string;
  first: string;
}

/** ISO 13616 check digits, so the IBANs in the demo validate like real ones. */
function iban(country: 'NL' | 'GB', bank: string, account: string): string {
  const bban = bank + account;
  const digits = (bban + country + '00').replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rem = 0;
  for (const d of digits) rem = (rem * 10 + Number(d)) % 97;
  return `${country}${String(98 - rem).padStart(2, '0')}${bban}`;
}

function digits(rng: Rng, n: number): string {
  return Array.from({ length: n }, () => String(intBetween(rng, 0, 9))).join('');
}

function person(rng: Rng, index: number): Person {
  const lang = index % 2 === 0 ? 'nl' : 'en';
  const first = pick(rng, lang === 'nl' ? NL_FIRST : EN_FIRST);
  const last = pick(rng, lang === 'nl' ? NL_LAST : EN_LAST);
  const local = `${first}.${last}`.toLowerCase().replace(/\s+/g, '');
  const domain = pick(
    rng,
    lang === 'nl'
      ? ['gmail.com', 'ziggo.nl', 'kpnmail.nl', 'outlook.com']
      : ['gmail.com', 'btinternet.com', 'outlook.com'],
  );
  const [postcode, city] = pick(rng, lang === 'nl' ? NL_CITIES : EN_CITIES);
  const street = pick(rng, lang === 'nl' ? NL_STREETS : EN_STREETS);
  const year = intBetween(rng, 1950, 2003);
  const birth = `${String(intBetween(rng, 1, 28)).padStart(2, '0')}-${String(intBetween(rng, 1, 12)).padStart(2, '0')}-${year}`;
  return {
    name: `${first} ${last}`,
    first,
    email: `${local}${index}@${domain}`,
    lang,
    phone: lang === 'nl' ? `+31 6 ${digits(rng, 8)}` : `+44 7${digits(rng, 3)} ${digits(rng, 6)}`,
    address:
      lang === 'nl'
        ? `${street} ${intBetween(rng, 1, 250)}, ${postcode} ${city}`
        : `${intBetween(rng, 1, 200)} ${street}, ${city} ${postcode}`,
    iban:
      lang === 'nl'
        ? iban('NL', pick(rng, ['INGB', 'RABO', 'ABNA']), digits(rng, 10))
        : iban('GB', 'NWBK', `601613${digits(rng, 8)}`),
    birthDate: birth,
  };
}

const TOPICS: Record<'nl' | 'en', readonly (readonly [string, string])[]> = {
  nl: [
    [
      'Bestelling {order} niet ontvangen',
      'Hallo, mijn bestelling {order} is nog niet bezorgd op {address}. Kunt u mij bellen op {phone}?',
    ],
    [
      'Terugbetaling aanvraag',
      'Graag het bedrag terugstorten op {iban} t.n.v. {name}. Mijn geboortedatum is {birth} voor de verificatie.',
    ],
    ['Adreswijziging', 'Per 1 maart woon ik op {address}. Mijn oude adres graag verwijderen. Groet, {name}'],
    ['Klacht over levering', 'De bezorger heeft het pakket ({order}) bij de buren gelaten. Mijn nummer is {phone}.'],
  ],
  en: [
    ['Order {order} has not arrived', 'Hi, my order {order} never reached {address}. Please call me on {phone}.'],
    [
      'Refund request',
      'Please refund to {iban} in the name of {name}. My date of birth is {birth} if you need to verify.',
    ],
    ['Change of address', 'I have moved to {address}. Please update my account. Thanks, {name}'],
    ['Damaged parcel', 'Parcel {order} arrived damaged, photos attached. You can reach me on {phone}.'],
  ],
};

const REPLIES = {
  nl: 'Beste {first}, bedankt voor uw bericht. We hebben het genoteerd onder {order}. Met vriendelijke groet, Sanne',
  en: 'Dear {first}, thank you for getting in touch. We have logged this under {order}. Kind regards, Sanne',
} as const;

function fill(template: string, p: Person, order: string): string {
  return template
    .replace(/\{order\}/g, order)
    .replace(/\{address\}/g, p.address)
    .replace(/\{phone\}/g, p.phone ?? '')
    .replace(/\{iban\}/g, p.iban)
    .replace(/\{name\}/g, p.name)
    .replace(/\{first\}/g, p.first)
    .replace(/\{birth\}/g, p.birthDate);
}

export interface SeedOptions {
  seed?: number;
  customers?: number;
  /** The reference time (epoch ms); conversation dates are relative to it. */
  now?: number;
}

export function generateSeed(opts: SeedOptions = {}): SeedData {
  const rng = seededRng(opts.seed ?? 42);
  const now = opts.now ?? Date.UTC(2026, 10, 28, 12);
  const people = Array.from({ length: opts.customers ?? 50 }, (_, i) => person(rng, i));
  const conversations: SeedConversation[] = [];
  people.forEach((p, i) => {
    const tools = new Set<ToolId>([TOOL_IDS[i % TOOL_IDS.length]!]);
    if (rng() < 0.5) tools.add(pick(rng, TOOL_IDS));
    for (const tool of tools) {
      const count = intBetween(rng, 1, 3);
      for (let c = 0; c < count; c++) {
        const old = rng() < 0.25;
        const createdAt = old ? now - intBetween(rng, 800, 1400) * DAY_MS : now - intBetween(rng, 2, 300) * DAY_MS;
        const order = `${p.lang === 'nl' ? 'BST' : 'ORD'}-${digits(rng, 6)}`;
        const [subject, body] = pick(rng, TOPICS[p.lang]);
        const partner = rng() < 0.15 ? people[(i + 7) % people.length] : undefined;
        const mentioned = rng() < 0.1 ? people[(i + 3) % people.length] : undefined;
        const messages: SeedMessage[] = [
          {
            fromCustomer: true,
            authorName: p.name,
            authorEmail: p.email,
            body:
              fill(body, p, order) +
              (mentioned ? ` (${mentioned.email} had hetzelfde probleem / had the same issue)` : ''),
            at: createdAt,
            attachments:
              rng() < 0.35
                ? [
                    {
                      name: p.lang === 'nl' ? `factuur-${order}.txt` : `invoice-${order}.txt`,
                      contentType: 'text/plain',
                      content: `${p.name}\n${p.address}\n${p.iban}\n${order}`,
                    },
                  ]
                : [],
          },
          {
            fromCustomer: false,
            authorName: AGENT.name,
            authorEmail: AGENT.email,
            body: fill(REPLIES[p.lang], p, order),
            at: createdAt + 3600_000,
            attachments: [],
          },
        ];
        if (rng() < 0.5) {
          messages.push({
            fromCustomer: true,
            authorName: p.name,
            authorEmail: p.email,
            body: p.lang === 'nl' ? `Dank u. Groet, ${p.name}, ${p.phone}` : `Thanks. Best, ${p.name}, ${p.phone}`,
            at: createdAt + 2 * 3600_000,
            attachments: [],
          });
        }
        conversations.push({
          tool,
          customerEmail: p.email,
          ccEmails: partner ? [partner.email] : [],
          subject: fill(subject, p, order),
          status: old || rng() < 0.4 ? 'closed' : 'open',
          createdAt,
          updatedAt: messages[messages.length - 1]!.at,
          held: rng() < 0.12,
          messages,
        });
      }
    }
  });
  return {
    now,
    customers: people.map(({ name, email, phone, lang }) => ({ name, email, phone, lang })),
    conversations,
  };
}

/** One customer with many conversations, for the erasure benchmark (e.g. 2,500 Zendesk tickets). */
export function bulkCustomer(
  email: string,
  counts: Partial<Record<ToolId, number>>,
  now = Date.UTC(2026, 10, 28, 12),
): SeedData {
  const name = 'Bulk Customer';
  const conversations: SeedConversation[] = [];
  for (const [tool, n] of Object.entries(counts) as [ToolId, number][]) {
    for (let i = 0; i < n; i++) {
      const at = now - (i + 1) * 3600_000;
      conversations.push({
        tool,
        customerEmail: email,
        ccEmails: [],
        subject: `Question ${i + 1}`,
        status: 'closed',
        createdAt: at,
        updatedAt: at,
        held: false,
        messages: [
          {
            fromCustomer: true,
            authorName: name,
            authorEmail: email,
            body: `Message ${i + 1} from ${name}, +31 6 12345678`,
            at,
            attachments: [],
          },
        ],
      });
    }
  }
  return { now, customers: [{ name, email, lang: 'en' }], conversations };
}
