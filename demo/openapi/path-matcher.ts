/**
 * Matches a request path against an OpenAPI description's path templates. Literal segments win over
 * templated ones, so `/api/v2/users/search` is SearchUsers and never ShowUser with user_id "search".
 */
export interface PathTemplate {
  template: string;
  regex: RegExp;
  names: string[];
  /** Per segment: 2 literal, 1 mixed (`{id}:disable`), 0 a bare `{param}`; compared left to right. */
  rank: number[];
}

export interface PathMatch {
  template: string;
  params: Record<string, string>;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compileTemplate(template: string): PathTemplate {
  const names: string[] = [];
  const rank: number[] = [];
  const segments = template.split('/').map((segment) => {
    const parts = segment.split(/(\{[^}]+\})/).filter(Boolean);
    const params = parts.filter((p) => p.startsWith('{')).length;
    rank.push(params === 0 ? 2 : parts.length === 1 ? 0 : 1);
    return parts
      .map((p) => {
        if (!p.startsWith('{')) return escapeRegex(p);
        names.push(p.slice(1, -1));
        return '([^/]+?)';
      })
      .join('');
  });
  return { template, regex: new RegExp(`^${segments.join('/')}$`), names, rank };
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? -1) - (a[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export class PathMatcher {
  private readonly templates: PathTemplate[];

  constructor(templates: Iterable<string>) {
    this.templates = [...templates].map(compileTemplate).sort((a, b) => compareRank(a.rank, b.rank));
  }

  /** All templates the path fits, most specific first. */
  matchAll(pathname: string): PathMatch[] {
    const out: PathMatch[] = [];
    for (const t of this.templates) {
      const m = t.regex.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      let decodable = true;
      t.names.forEach((name, i) => {
        try {
          params[name] = decodeURIComponent(m[i + 1] ?? '');
        } catch {
          decodable = false;
        }
      });
      if (decodable) out.push({ template: t.template, params });
    }
    return out;
  }
}
