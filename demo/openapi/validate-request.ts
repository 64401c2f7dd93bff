/**
 * In-process OpenAPI 3.0 request validator on Ajv for the vendor descriptions in ../shared/vendor-api/.
 * Hand-written on Ajv (rather than Prism or an OpenAPI middleware package) because those gave false
 * positives on these files (see toolchain.md "Vendor spec caveats") or need an HTTP server.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { GLOBAL_QUERY_PARAMS, SERVER_OVERRIDES, STRIP_JSON_SUFFIX, UNDESCRIBED_BODIES } from './known-deviations';
import { anchorRefs, convertNullable, deref, schemaTypes } from './openapi-schema';
import { PathMatcher } from './path-matcher';
import { readSpec, type JsonObject, type Vendor } from './spec-store';

export type { Vendor } from './spec-store';

export interface RequestToValidate {
  method: string;
  /** Absolute URL (https://acme.zendesk.com/api/v2/...) or a path under the first server. */
  url: string;
  headers?: Record<string, string | undefined> | Headers;
  /** A JSON string, an already parsed value, or undefined/null for no body. */
  body?: unknown;
}

export type ValidationResult = { ok: true; operationId: string } | { ok: false; errors: string[] };

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: unknown;
  style?: string;
  explode?: boolean;
}

interface Operation {
  operationId: string;
  params: Parameter[];
  body?: { required: boolean; jsonSchema?: unknown; mediaTypes: string[] };
  paramsValidator?: ValidateFunction;
  bodyValidator?: ValidateFunction;
}

interface Server {
  host: RegExp;
  basePath: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

export class VendorValidator {
  private readonly doc: JsonObject;
  private readonly docId: string;
  private readonly servers: Server[];
  private readonly matcher: PathMatcher;
  private readonly ops = new Map<string, Operation>();
  private readonly paramAjv: Ajv;
  private readonly bodyAjv: Ajv;

  constructor(readonly vendor: Vendor) {
    this.doc = convertNullable(readSpec(vendor)) as JsonObject;
    this.docId = `openapi:${vendor}`;
    const serverUrls =
      SERVER_OVERRIDES[vendor] ?? ((this.doc.servers as { url: string }[] | undefined) ?? []).map((s) => s.url);
    this.servers = serverUrls.map(parseServer);
    this.matcher = new PathMatcher(Object.keys(this.doc.paths as JsonObject));
    const components = { $id: this.docId, components: this.doc.components ?? {} };
    const options = {
      strict: false,
      allErrors: true,
      validateFormats: false,
      validateSchema: false,
      logger: false as const,
    };
    this.paramAjv = new Ajv({ ...options, coerceTypes: 'array' });
    this.bodyAjv = new Ajv(options);
    this.paramAjv.addSchema(components);
    this.bodyAjv.addSchema(components);
  }

  /** The first server's origin + base path, e.g. https://gmail.googleapis.com. */
  get defaultBase(): string {
    const first = ((this.doc.servers as { url: string }[] | undefined) ?? [])[0]?.url ?? '';
    return first.replace(/\/$/, '');
  }

  validate(req: RequestToValidate): ValidationResult {
    const method = req.method.toLowerCase();
    let url: URL;
    try {
      url = new URL(req.url, this.defaultBase.includes('{') ? 'https://example.zendesk.com' : this.defaultBase);
    } catch {
      return { ok: false, errors: [`unparsable URL ${req.url}`] };
    }
    const server = this.servers.find((s) => s.host.test(url.host) && url.pathname.startsWith(s.basePath));
    if (!server) return { ok: false, errors: [`${url.host}${url.pathname} is not under a ${this.vendor} server`] };
    let pathname = url.pathname.slice(server.basePath.length) || '/';
    if (!pathname.startsWith('/')) pathname = `/${pathname}`;
    if (STRIP_JSON_SUFFIX[this.vendor]) pathname = pathname.replace(/\.json$/, '');

    const matches = this.matcher.matchAll(pathname);
    if (matches.length === 0) return { ok: false, errors: [`unknown path: ${req.method.toUpperCase()} ${pathname}`] };
    const match = matches.find((m) => this.operation(m.template, method));
    if (!match) {
      return { ok: false, errors: [`method ${req.method.toUpperCase()} not allowed on ${matches[0]!.template}`] };
    }
    const op = this.operation(match.template, method)!;
    const errors = [...this.checkParams(op, match.params, url, req.headers), ...this.checkBody(op, req)];
    return errors.length ? { ok: false, errors } : { ok: true, operationId: op.operationId };
  }

  private operation(template: string, method: string): Operation | undefined {
    const key = `${method} ${template}`;
    const cached = this.ops.get(key);
    if (cached) return cached;
    const item = deref(this.doc, (this.doc.paths as JsonObject)[template]) as JsonObject | undefined;
    if (!METHODS.includes(method) || !item?.[method]) return undefined;
    const raw = item[method] as JsonObject;
    const byKey = new Map<string, Parameter>();
    for (const p of [...((item.parameters as unknown[]) ?? []), ...((raw.parameters as unknown[]) ?? [])]) {
      const param = deref(this.doc, p) as Parameter;
      byKey.set(`${param.in}:${param.name}`, param);
    }
    let body: Operation['body'];
    if (raw.requestBody) {
      const rb = deref(this.doc, raw.requestBody) as JsonObject;
      const content = (rb.content as Record<string, { schema?: unknown }> | undefined) ?? {};
      const mediaTypes = Object.keys(content);
      const json = mediaTypes.find((m) => /json/.test(m) || m === '*/*');
      body = { required: rb.required === true, mediaTypes, jsonSchema: json ? content[json]?.schema : undefined };
    }
    const operationId = (raw.operationId as string | undefined) ?? `${method.toUpperCase()} ${template}`;
    const undescribed = UNDESCRIBED_BODIES[this.vendor]?.[operationId];
    if (!body && undescribed) body = { required: false, mediaTypes: ['application/json'], jsonSchema: undescribed };
    const op: Operation = {
      operationId,
      params: [...byKey.values()],
      body,
    };
    this.ops.set(key, op);
    return op;
  }

  private checkParams(
    op: Operation,
    pathParams: Record<string, string>,
    url: URL,
    headers: RequestToValidate['headers'],
  ): string[] {
    const errors: string[] = [];
    const data: Record<string, Record<string, unknown>> = { path: {}, query: {}, header: {} };
    const headerOf = headerReader(headers);
    const known = new Set(GLOBAL_QUERY_PARAMS[this.vendor] ?? []);
    for (const p of op.params) {
      if (p.in === 'path') data.path![p.name] = pathParams[p.name];
      else if (p.in === 'query') {
        known.add(p.name);
        const values = url.searchParams.getAll(p.name);
        if (values.length === 0) continue;
        const isArray = schemaTypes(this.doc, p.schema).includes('array');
        if (!isArray && values.length > 1) errors.push(`query parameter ${p.name}: given ${values.length} times`);
        const explode = p.explode ?? (p.style ?? 'form') === 'form';
        data.query![p.name] = isArray ? (explode ? values : values.flatMap((v) => v.split(','))) : values[0];
      } else if (p.in === 'header') {
        const value = headerOf(p.name);
        if (value !== undefined) data.header![p.name] = value;
      }
    }
    for (const name of new Set(url.searchParams.keys())) {
      if (!known.has(name)) errors.push(`query parameter ${name}: not in the description`);
    }
    op.paramsValidator ??= this.paramAjv.compile(this.paramsSchema(op));
    if (!op.paramsValidator(data)) errors.push(...formatErrors(op.paramsValidator.errors, 'parameter'));
    return errors;
  }

  private paramsSchema(op: Operation): JsonObject {
    const group = (where: Parameter['in']) => {
      const ps = op.params.filter((p) => p.in === where);
      return {
        type: 'object',
        properties: Object.fromEntries(ps.map((p) => [p.name, anchorRefs(p.schema ?? {}, this.docId)])),
        required: ps.filter((p) => p.required || where === 'path').map((p) => p.name),
      };
    };
    return { type: 'object', properties: { path: group('path'), query: group('query'), header: group('header') } };
  }

  private checkBody(op: Operation, req: RequestToValidate): string[] {
    const present = req.body !== undefined && req.body !== null && req.body !== '';
    if (!op.body) return present ? ['body: this operation takes no request body'] : [];
    if (!present) return op.body.required ? ['body: required'] : [];
    if (op.body.jsonSchema === undefined) return [];
    let value = req.body;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        return ['body: not valid JSON'];
      }
    }
    op.bodyValidator ??= this.bodyAjv.compile(anchorRefs(op.body.jsonSchema, this.docId) as JsonObject);
    return op.bodyValidator(value) ? [] : formatErrors(op.bodyValidator.errors, 'body');
  }
}

function parseServer(url: string): Server {
  const m = /^https?:\/\/([^/]+)(\/.*)?$/.exec(url);
  if (!m) throw new Error(`unsupported server URL ${url}`);
  const host = m[1]!.split(/(\{[^}]+\})/).map((p) => (p.startsWith('{') ? '[a-z0-9-]+' : p.replace(/\./g, '\\.')));
  return { host: new RegExp(`^${host.join('')}$`, 'i'), basePath: (m[2] ?? '').replace(/\/$/, '') };
}

function headerReader(headers: RequestToValidate['headers']): (name: string) => string | undefined {
  if (!headers) return () => undefined;
  if (typeof (headers as Headers).get === 'function') return (n) => (headers as Headers).get(n) ?? undefined;
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return (n) => lower.get(n.toLowerCase());
}

function formatErrors(errors: ErrorObject[] | null | undefined, what: 'parameter' | 'body'): string[] {
  const out = new Set<string>();
  for (const e of errors ?? []) {
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty?: string }).missingProperty ?? '?';
      const where =
        what === 'body' ? `body${e.instancePath}/${missing}` : `${e.instancePath.slice(1)} parameter ${missing}`;
      out.add(`${where}: required`);
      continue;
    }
    const at = what === 'body' ? `body${e.instancePath}` : e.instancePath.slice(1).replace('/', ' parameter ');
    const extra = e.keyword === 'enum' ? ` (allowed: ${JSON.stringify(e.params)})` : '';
    out.add(`${at || what}: ${e.message ?? e.keyword}${extra}`);
  }
  return [...out];
}

const validators = new Map<Vendor, VendorValidator>();

/** The validator for one vendor, built on first use (load once, compile operations lazily). */
export function vendorValidator(vendor: Vendor): VendorValidator {
  let v = validators.get(vendor);
  if (!v) validators.set(vendor, (v = new VendorValidator(vendor)));
  return v;
}

/** Validates one request against the vendor's own OpenAPI description. */
export function validateRequest(vendor: Vendor, req: RequestToValidate): ValidationResult {
  return vendorValidator(vendor).validate(req);
}
