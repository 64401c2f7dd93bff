/**
 * API hosts of the tools PrivacyDesk connects to. They are optional host permissions: the
 * extension asks for one tool's hosts when the user connects that tool, never at install.
 */
export const connectorApiHostsByTool = {
  zendesk: ['https://*.zendesk.com/*'],
  freshdesk: ['https://*.freshdesk.com/*'],
  helpscout: ['https://api.helpscout.net/*'],
  gmail: ['https://gmail.googleapis.com/*'],
  outlook: ['https://graph.microsoft.com/*'],
  front: ['https://api2.frontapp.com/*', 'https://*.api.frontapp.com/*'],
  intercom: ['https://api.intercom.io/*', 'https://api.eu.intercom.io/*', 'https://api.au.intercom.io/*'],
} as const satisfies Record<string, readonly string[]>;

export type ConnectorId = keyof typeof connectorApiHostsByTool;

export const connectorApiHosts: readonly string[] = Object.values(connectorApiHostsByTool).flat();
