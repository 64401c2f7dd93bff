/**
 * OpenAPI 3.0 schema objects → JSON Schema that Ajv understands. Hand-written because the only OpenAPI
 * specifics that matter for request validation are `nullable` and local `$ref`s, and the converters on
 * npm pull in large dependency trees for it.
 */
import type { JsonObject } from './spec-store';

/** Rewrites `nullable` in place, throughout the document. */
export function convertNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convertNullable);
  if (!node || typeof node !== 'object') return node;
  const obj = node as JsonObject;
  for (const key of Object.keys(obj)) {
    // `example`/`examples` hold data, not schemas.
    if (key === 'example' || key === 'examples') continue;
    obj[key] = convertNullable(obj[key]);
  }
  if (!('nullable' in obj)) return obj;
  const nullable = obj.nullable === true;
  delete obj.nullable;
  if (!nullable) return obj;
  if (typeof obj.type === 'string') {
    obj.type = [obj.type, 'null'];
    if (Array.isArray(obj.enum) && !obj.enum.includes(null)) obj.enum = [...obj.enum, null];
    return obj;
  }
  return { anyOf: [{ type: 'null' }, obj] };
}

/** Follows a local `#/a/b` reference inside the document. */
export function resolvePointer(doc: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  let cur: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur && typeof cur === 'object' ? (cur as JsonObject)[key] : undefined;
  }
  if (cur === undefined) throw new Error(`unresolved $ref ${ref}`);
  return cur;
}

/** Follows `$ref` chains on a parameter, request body or schema object. */
export function deref<T>(doc: JsonObject, node: T): T {
  let cur: unknown = node;
  for (let i = 0; i < 20 && cur && typeof cur === 'object' && typeof (cur as JsonObject).$ref === 'string'; i++) {
    cur = resolvePointer(doc, (cur as JsonObject).$ref as string);
  }
  return cur as T;
}

/** A copy of an inline schema whose local `$ref`s point into the document registered in Ajv as `docId`. */
export function anchorRefs(node: unknown, docId: string): unknown {
  if (Array.isArray(node)) return node.map((n) => anchorRefs(n, docId));
  if (!node || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node as JsonObject)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) out[key] = `${docId}${value}`;
    else if (key === 'example' || key === 'examples') continue;
    else out[key] = anchorRefs(value, docId);
  }
  return out;
}

/** The JSON type(s) a schema declares, following `$ref`s; used to split array-valued query parameters. */
export function schemaTypes(doc: JsonObject, schema: unknown): string[] {
  const s = deref(doc, schema) as JsonObject | undefined;
  if (!s) return [];
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type as string[];
  const branches = (s.anyOf ?? s.oneOf ?? s.allOf) as unknown[] | undefined;
  return branches ? branches.flatMap((b) => schemaTypes(doc, b)) : [];
}
