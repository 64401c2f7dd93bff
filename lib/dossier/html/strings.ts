/**
 * The readable copy's words. A small own table, not browser.i18n: the builder also runs outside the
 * extension (Node: the benchmark and tests), and a dossier is written in the language chosen for the
 * customer, which need not be the browser's UI language (browser.i18n only gives the latter).
 * The same strings live under `dossier.html` in locales/en.yml and nl.yml; a unit test keeps both equal.
 */
export interface HtmlStrings {
  title: string;
  intro: string;
  generatedAt: string;
  scope: string;
  scopeAccess: string;
  scopePortability: string;
  masking: string;
  maskingApplied: string;
  maskingNone: string;
  subject: string;
  identities: string;
  tools: string;
  tool: string;
  account: string;
  status: string;
  statusComplete: string;
  statusFailed: string;
  processedIn: string;
  legalGround: string;
  profile: string;
  name: string;
  conversations: string;
  conversationSubject: string;
  role: string;
  retentionDue: string;
  held: string;
  answerYes: string;
  answerNo: string;
  messages: string;
  author: string;
  sentAt: string;
  customer: string;
  internalNote: string;
  attachments: string;
  fileName: string;
  size: string;
  file: string;
  holds: string;
  reason: string;
  since: string;
  until: string;
  requests: string;
  kind: string;
  received: string;
  deadline: string;
  audit: string;
  action: string;
  result: string;
  none: string;
  files: string;
}

export const HTML_STRINGS: Record<'en' | 'nl', HtmlStrings> = {
  en: {
    title: 'Personal data dossier',
    intro:
      'This is the personal data we hold about you, from every tool we use. The same data is in dossier.json and the CSV files, in a form computers can read.',
    generatedAt: 'Produced on',
    scope: 'Scope',
    scopeAccess: 'Everything we hold (GDPR Art. 15)',
    scopePortability: 'What you provided to us (GDPR Art. 20)',
    masking: 'Other people’s data',
    maskingApplied: 'Masked where it appeared ($1 values)',
    maskingNone: 'Not masked',
    subject: 'About',
    identities: 'Your identities',
    tools: 'Where your data is held',
    tool: 'Tool',
    account: 'Account',
    status: 'Status',
    statusComplete: 'Complete',
    statusFailed: 'Could not be read',
    processedIn: 'Processed in',
    legalGround: 'Transfer ground',
    profile: 'Profile',
    name: 'Name',
    conversations: 'Conversations',
    conversationSubject: 'Subject',
    role: 'Your role',
    retentionDue: 'Deleted after',
    held: 'Kept on purpose',
    answerYes: 'Yes',
    answerNo: 'No',
    messages: 'Messages',
    author: 'From',
    sentAt: 'Sent',
    customer: 'you',
    internalNote: 'Internal note',
    attachments: 'Attachments',
    fileName: 'File name',
    size: 'Size (bytes)',
    file: 'File in this ZIP',
    holds: 'Data kept despite deletion',
    reason: 'Reason',
    since: 'Since',
    until: 'Until',
    requests: 'Your requests',
    kind: 'Kind',
    received: 'Received',
    deadline: 'Deadline',
    audit: 'What was done with your data',
    action: 'Action',
    result: 'Result',
    none: 'None.',
    files: 'Files in this dossier',
  },
  nl: {
    title: 'Dossier persoonsgegevens',
    intro:
      'Dit zijn de persoonsgegevens die wij over u hebben, uit alle systemen die wij gebruiken. Dezelfde gegevens staan in dossier.json en de CSV-bestanden, in een vorm die computers kunnen lezen.',
    generatedAt: 'Gemaakt op',
    scope: 'Omvang',
    scopeAccess: 'Alles wat wij hebben (AVG art. 15)',
    scopePortability: 'Wat u ons zelf gaf (AVG art. 20)',
    masking: 'Gegevens van anderen',
    maskingApplied: 'Afgeschermd waar ze voorkwamen ($1 waarden)',
    maskingNone: 'Niet afgeschermd',
    subject: 'Over',
    identities: 'Uw gegevens',
    tools: 'Waar uw gegevens staan',
    tool: 'Systeem',
    account: 'Account',
    status: 'Status',
    statusComplete: 'Volledig',
    statusFailed: 'Kon niet worden gelezen',
    processedIn: 'Verwerkt in',
    legalGround: 'Grond voor doorgifte',
    profile: 'Profiel',
    name: 'Naam',
    conversations: 'Gesprekken',
    conversationSubject: 'Onderwerp',
    role: 'Uw rol',
    retentionDue: 'Verwijderd na',
    held: 'Bewust bewaard',
    answerYes: 'Ja',
    answerNo: 'Nee',
    messages: 'Berichten',
    author: 'Van',
    sentAt: 'Verzonden',
    customer: 'u',
    internalNote: 'Interne notitie',
    attachments: 'Bijlagen',
    fileName: 'Bestandsnaam',
    size: 'Grootte (bytes)',
    file: 'Bestand in deze ZIP',
    holds: 'Gegevens die bewaard blijven',
    reason: 'Reden',
    since: 'Sinds',
    until: 'Tot',
    requests: 'Uw verzoeken',
    kind: 'Soort',
    received: 'Ontvangen',
    deadline: 'Uiterste datum',
    audit: 'Wat er met uw gegevens is gedaan',
    action: 'Handeling',
    result: 'Resultaat',
    none: 'Geen.',
    files: 'Bestanden in dit dossier',
  },
};
