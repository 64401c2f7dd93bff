/** The dossier source per tool; tools not listed use the generic one (conversations without messages). */
import { freshdeskSource } from './freshdesk';
import { frontSource } from './front';
import { genericSource } from './generic';
import { gmailSource } from './gmail';
import { helpscoutSource } from './helpscout';
import { intercomSource } from './intercom';
import { outlookSource } from './outlook';
import type { DossierSource } from './types';
import { zendeskSource } from './zendesk';

export const dossierSources: Record<string, DossierSource> = {
  zendesk: zendeskSource,
  freshdesk: freshdeskSource,
  front: frontSource,
  helpscout: helpscoutSource,
  gmail: gmailSource,
  intercom: intercomSource,
  outlook: outlookSource,
};

export function sourceFor(tool: string): DossierSource {
  return dossierSources[tool] ?? genericSource;
}
