/**
 * Where the privacy panel runs: the tools' own web apps. These match patterns are the only host
 * access the extension gets at install time (see README, "Permissions").
 */
export const supportedSites = [
  { tool: 'gmail', label: 'Gmail', matches: ['https://mail.google.com/*'] },
  {
    tool: 'outlook',
    label: 'Outlook on the web',
    matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  },
  { tool: 'zendesk', label: 'Zendesk', matches: ['https://*.zendesk.com/agent/*'] },
  { tool: 'freshdesk', label: 'Freshdesk', matches: ['https://*.freshdesk.com/a/*'] },
  { tool: 'helpscout', label: 'Help Scout', matches: ['https://secure.helpscout.net/*'] },
  { tool: 'front', label: 'Front', matches: ['https://app.frontapp.com/*'] },
  {
    tool: 'intercom',
    label: 'Intercom',
    matches: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  },
  { tool: 'meta', label: 'Meta Business Suite', matches: ['https://business.facebook.com/latest/inbox/*'] },
] as const;

export const contentScriptMatches: readonly string[] = supportedSites.flatMap((site) => site.matches);
