/**
 * The team connections file for the demo desk (format `privacydesk-connections`, version 1, as
 * lib/connections/schema.ts reads it): the stand-ins' credentials, imported through the dashboard's
 * "Import connections file" like any team's file. Zendesk is set to its US region so the transfer flag shows.
 */
import type { ConnectionsFile } from '../../lib/connections/schema';
import { DEMO_CREDENTIALS } from '../desk';

export function demoConnectionsFile(): ConnectionsFile {
  const c = DEMO_CREDENTIALS;
  return {
    format: 'privacydesk-connections',
    version: 1,
    connections: [
      {
        tool: 'zendesk',
        account: c.zendesk.subdomain,
        region: 'us',
        secret: { email: c.zendesk.email, token: c.zendesk.apiToken },
      },
      {
        tool: 'gmail',
        account: c.gmail.userId,
        region: 'global',
        secret: { clientId: 'demo-gmail-client', accessToken: c.gmail.accessToken },
      },
      {
        tool: 'helpscout',
        account: 'acme',
        region: 'us',
        secret: { clientId: c.helpscout.clientId, accessToken: c.helpscout.accessToken },
      },
      { tool: 'freshdesk', account: 'acme', region: 'eu', secret: { apiKey: c.freshdesk.apiKey } },
      { tool: 'front', account: 'acme', region: 'eu', secret: { token: c.front.apiToken } },
      { tool: 'intercom', account: 'us', region: 'us', secret: { token: c.intercom.accessToken, adminId: '991267' } },
    ],
  };
}
