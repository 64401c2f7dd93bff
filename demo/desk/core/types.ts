/** Shapes shared by the demo desk's stand-ins. */
export type ToolId = 'zendesk' | 'gmail' | 'helpscout' | 'freshdesk' | 'front' | 'intercom';

export const TOOL_IDS: readonly ToolId[] = ['zendesk', 'gmail', 'helpscout', 'freshdesk', 'front', 'intercom'];

export interface DeskRequest {
  method: string;
  url: URL;
  /** Lower-case header names. */
  headers: Record<string, string>;
  rawBody: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  contentType?: string;
}

export interface Violation {
  tool: ToolId;
  method: string;
  url: string;
  errors: string[];
}

/** A request made to the desk, as the tests and benchmarks count them. */
export interface LoggedRequest {
  tool: ToolId;
  method: string;
  path: string;
  status: number;
  operation?: string;
  fault?: string;
  at: number;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

/** A request body or query that breaks the tool's public docs (Freshdesk, Help Scout: zod-checked). */
export class DocsViolation extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('; '));
  }
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, body, headers };
}

export function noContent(status = 204): Reply {
  return { status };
}

export function parseJsonBody(req: DeskRequest): unknown {
  if (!req.rawBody) return undefined;
  try {
    return JSON.parse(req.rawBody);
  } catch {
    throw new DocsViolation(['body: not valid JSON']);
  }
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const DAY_MS = 24 * 3600 * 1000;
