/**
 * A small method + path router for the stand-ins (`/api/v2/users/:id`). Hand-written: the stand-ins run
 * both behind node:https and in-process (deskFetch), so a framework router would only add an adapter.
 */
import type { DeskRequest, Reply } from './types';

export interface RouteContext {
  req: DeskRequest;
  params: Record<string, string>;
  query: URLSearchParams;
}

type RouteHandler = (ctx: RouteContext) => Reply;

interface Route {
  method: string;
  regex: RegExp;
  names: string[];
  literalCount: number;
  handler: RouteHandler;
}

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: RouteHandler): this {
    const names: string[] = [];
    const segments = pattern.split('/');
    const regex = segments
      .map((s) => {
        if (!s.startsWith(':')) return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(s.slice(1));
        return '([^/]+)';
      })
      .join('/');
    const literalCount = segments.filter((s) => !s.startsWith(':')).length;
    this.routes.push({ method: method.toUpperCase(), regex: new RegExp(`^${regex}$`), names, literalCount, handler });
    this.routes.sort((a, b) => b.literalCount - a.literalCount);
    return this;
  }

  /** The matching handler's reply, or undefined when no route fits. */
  dispatch(req: DeskRequest, pathname = req.url.pathname): Reply | undefined {
    for (const route of this.routes) {
      if (route.method !== req.method.toUpperCase()) continue;
      const m = route.regex.exec(pathname);
      if (!m) continue;
      const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]));
      return route.handler({ req, params, query: req.url.searchParams });
    }
    return undefined;
  }
}
