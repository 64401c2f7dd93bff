/**
 * dossier.json as a stream of text pieces: the same text as `JSON.stringify(dossierSchema.parse(d),
 * null, 2)`, but each conversation, message and file record is validated and serialised on its own,
 * so a dossier with thousands of messages is never held as one string (nor as a parsed copy).
 */
import { z } from 'zod';
import { dossierSchema, type Dossier } from './dossier-schema';

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

export function* dossierJsonPieces(dossier: Dossier): Generator<string> {
  const shape = dossierSchema.shape as Record<string, z.ZodType>;
  let first = true;
  yield '{';
  for (const [key, value] of Object.entries(dossier)) {
    if (value === undefined) continue;
    const schema = shape[key];
    if (!schema) throw new Error(`dossier.json has no field ${key}`);
    yield `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (schema instanceof z.ZodArray && Array.isArray(value)) {
      if (value.length === 0) {
        yield '[]';
        continue;
      }
      const element = schema.element as z.ZodType;
      for (let i = 0; i < value.length; i += 1)
        yield `${i === 0 ? '[' : ','}\n    ${indent(JSON.stringify(element.parse(value[i]), null, 2), '    ')}`;
      yield '\n  ]';
    } else yield indent(JSON.stringify(schema.parse(value), null, 2), '  ');
  }
  yield '\n}';
}
