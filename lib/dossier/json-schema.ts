/** `dossier.schema.json`: the JSON Schema (draft 2020-12) generated from the zod model, shipped in every ZIP. */
import { z } from 'zod';
import { DOSSIER_SCHEMA_VERSION, dossierSchema } from './dossier-schema';

export function dossierJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(dossierSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://privacydesk.example/schema/dossier-${DOSSIER_SCHEMA_VERSION}.json`,
    title: `PrivacyDesk dossier ${DOSSIER_SCHEMA_VERSION}`,
  };
}
