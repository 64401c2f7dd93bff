import { toErrorShape } from '@/lib/connectors/errors';
import { ToolContexts } from '@/lib/jobs/tool-contexts';
import { onMessage } from '@/lib/messaging/messenger';
import { browserToolDeps } from '@/lib/erasure-bridge/browser-tool-deps';

/** An address nobody has: a search for it proves the credentials work without touching real customers. */
const PROBE = { kind: 'email' as const, value: 'privacydesk-connection-test@example.invalid' };

export function setUpConnections(): void {
  onMessage('connections.test', async ({ tool }) => {
    // OAuth tools sign in here (launchWebAuthFlow with the team's client id) on their first test.
    const contexts = new ToolContexts({
      ...browserToolDeps(),
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
