/**
 * What every background job and page in the extension needs to reach the tools: the connectors, the
 * stored connections (a tool without sign-in, such as the Meta inbox's guided manual step, needs none),
 * the page's fetch, OAuth tokens renewed on expiry and after a 401, and the real clock.
 */
import { connectionFor } from '../connections/runtime';
import { realClock } from '../connectors/clock';
import { connectors } from '../connectors/registry';
import type { ToolDeps } from '../jobs/tool-contexts';
import { browserTokens } from './oauth-tokens';

export function browserToolDeps(): ToolDeps {
  return {
    connectors,
    connection: async (tool) =>
      (await connectionFor(tool)) ??
      (connectors[tool]?.auth.kind === 'none' ? { tool, account: 'manual', secret: {} } : undefined),
    fetch: (input, init) => fetch(input, init),
    tokens: browserTokens,
    clock: realClock,
  };
}
