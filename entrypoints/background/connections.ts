import { connectionFor } from '@/lib/connections/runtime';
import { realClock } from '@/lib/connectors/clock';
import { toErrorShape } from '@/lib/connectors/errors';
import { connectors } from '@/lib/connectors/registry';
import { ToolContexts } from '@/lib/jobs/tool-contexts';
import { onMessage } from '@/lib/messaging/messenger';
import { browserTokens } from '@/lib/erasure-bridge/oauth-tokens';

/** An address nobody has: a search for it proves the credentials work without touching real customers. */
const PROBE = { kind: 'email' as const, value: 'privacydesk-connection-test@example.invalid' };

export function setUpConnections(): void {
  onMessage('connections.test', async ({ tool }) => {
    const contexts = new ToolContexts({
      connectors,
      connection: connectionFor,
      fetch: (input, init) => fetch(input, init),
      // OAuth tools sign in here (launchWebAuthFlow with the team's client id) on their first test.
      tokens: browserTokens,
      clock: realClock,
      timeoutMs: 15_000,
      maxAttempts: 2,
    });
    try {
      const connector = contexts.connector(tool);
      await connector.find(await contexts.context(tool), [PROBE]);
      return { ok: true, message: `${connector.label}: OK` };
    } catch (error) {
      return { ok: false, message: toErrorShape(error).userMessage };
    }
  });
}
