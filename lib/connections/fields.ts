import type { ConnectorDefinition } from '@/lib/connectors/define-connector';

/** The secret fields the user fills in for a tool, from its auth spec (OAuth tools: the app's client id). */
export function secretFieldsOf(connector: ConnectorDefinition): string[] {
  switch (connector.auth.kind) {
    case 'token':
    case 'basic':
      return connector.auth.fields;
    case 'oauth2':
      return ['clientId'];
    case 'none':
      return [];
  }
}

/** Field names that hold secrets: shown as password inputs and never displayed back. */
export const isSecretField = (name: string) => !['email', 'clientId'].includes(name);
