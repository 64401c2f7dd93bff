import { holdTarget, mayRelease } from '@/lib/connections/hold-target';
import { connectionFor } from '@/lib/connections/runtime';
import { toErrorShape } from '@/lib/connectors/errors';
import { connectors } from '@/lib/connectors/registry';
import { ToolContexts } from '@/lib/jobs/tool-contexts';
import { browserToolDeps } from '@/lib/erasure-bridge/browser-tool-deps';

export type KeepMarkResult = 'written' | 'not-connected' | 'failed';

/**
 * Writes "Keep this message" in the tool itself (a `privacy-keep` tag or label), so every agent's browser
 * and every erasure plan, which re-reads holds at the tool, sees it. The register keeps the hold either way.
 */
export async function writeKeepMark(
  tool: string,
  conversationId: string,
  messageId: string,
  keep: boolean,
  otherKeptInConversation: boolean,
): Promise<KeepMarkResult> {
  const target = holdTarget(tool, conversationId, messageId);
  const connector = connectors[tool];
  if (!target || !connector || !(await connectionFor(tool))) return 'not-connected';
  if (!keep && !mayRelease(tool, otherKeptInConversation)) return 'written';
  const contexts = new ToolContexts({
    ...browserToolDeps(),
    timeoutMs: 15_000,
    maxAttempts: 3,
  });
  try {
    await connector.writeHold(await contexts.context(tool), target, keep);
    return 'written';
  } catch (error) {
    console.warn(`PrivacyDesk: keep mark not written in ${connector.label}: ${toErrorShape(error).userMessage}`);
    return 'failed';
  }
}
