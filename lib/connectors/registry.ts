/**
 * Every connector, one per folder. tests/unit/connectors/convention.test.ts fails when a folder
 * under lib/connectors/ has no definition here or no tests, so the list cannot drift.
 */
import type { ConnectorDefinition } from './define-connector';
import { freshdesk } from './freshdesk';
import { front } from './front';
import { gmail } from './gmail';
import { helpscout } from './helpscout';
import { intercom } from './intercom';
import { meta } from './meta';
import { outlook } from './outlook';
import { zendesk } from './zendesk';

export const connectors: Record<string, ConnectorDefinition> = {
  zendesk,
  freshdesk,
  helpscout,
  gmail,
  outlook,
  front,
  intercom,
  meta,
};
