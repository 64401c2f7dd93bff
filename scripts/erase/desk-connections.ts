/** Connections to the demo desk's stand-ins, with the desk's demo credentials (for tests and the benchmark). */
import { DEMO_CREDENTIALS } from '../../demo/desk';
import type { Connection } from '../../lib/connectors/define-connector';

export function deskConnection(tool: string): Connection | undefined {
  const c = DEMO_CREDENTIALS;
  switch (tool) {
    case 'zendesk':
      return { tool, account: c.zendesk.subdomain, secret: { email: c.zendesk.email, token: c.zendesk.apiToken } };
    case 'freshdesk':
      return { tool, account: c.freshdesk.domain.split('.')[0]!, secret: { apiKey: c.freshdesk.apiKey } };
    case 'helpscout':
      return { tool, account: 'acme', secret: { accessToken: c.helpscout.accessToken } };
    case 'gmail':
      return { tool, account: c.gmail.userId, secret: { accessToken: c.gmail.accessToken } };
    case 'front':
      return { tool, account: 'acme', secret: { token: c.front.apiToken } };
    case 'intercom':
      return { tool, account: 'us', secret: { token: c.intercom.accessToken, adminId: '1' } };
    default:
      return undefined;
  }
}
