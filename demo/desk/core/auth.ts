/** The demo credentials each stand-in accepts, and the checks of the tools' auth schemes. */
import type { DeskRequest, ToolId } from './types';

export const DEMO_CREDENTIALS = {
  zendesk: { subdomain: 'acme', email: 'agent@acme.example', apiToken: 'demo-zendesk-token' },
  freshdesk: { domain: 'acme.freshdesk.com', apiKey: 'demo-freshdesk-key' },
  helpscout: {
    clientId: 'demo-helpscout-client',
    clientSecret: 'demo-helpscout-secret',
    accessToken: 'demo-helpscout-token',
  },
  gmail: { accessToken: 'demo-gmail-token', userId: 'support@acme.example' },
  front: { apiToken: 'demo-front-token' },
  intercom: { accessToken: 'demo-intercom-token' },
} as const;

function basic(req: DeskRequest): [string, string] | undefined {
  const m = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? undefined : [decoded.slice(0, i), decoded.slice(i + 1)];
}

function bearer(req: DeskRequest): string | undefined {
  return /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** Whether the request carries the tool's credentials, in the tool's scheme. */
export function authorized(tool: ToolId, req: DeskRequest): boolean {
  const c = DEMO_CREDENTIALS;
  switch (tool) {
    case 'zendesk': {
      const b = basic(req);
      return !!b && b[0] === `${c.zendesk.email}/token` && b[1] === c.zendesk.apiToken;
    }
    case 'freshdesk': {
      const b = basic(req);
      return !!b && b[0] === c.freshdesk.apiKey;
    }
    case 'helpscout':
      return bearer(req) === c.helpscout.accessToken;
    case 'gmail':
      return bearer(req) === c.gmail.accessToken;
    case 'front':
      return bearer(req) === c.front.apiToken;
    case 'intercom':
      return bearer(req) === c.intercom.accessToken;
  }
}
