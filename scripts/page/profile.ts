/**
 * `node --import tsx scripts/page/profile.ts [--no-build]`: a CPU profile (DevTools protocol Profiler) of the
 * 1,000-message Gmail thread loading with the extension, summarised as self time per script and the heaviest
 * functions of the extension's scripts. The tool behind the choices in entrypoints/panel.content (what the page
 * has to evaluate and run); `npm run bench:page` gives the figures.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { launchWithExtension } from '../../demo/chromium';
import { hostResolverRules, startHttpsServer } from '../../demo/https-server';
import { generateLongGmailThread, LONG_THREAD_URL } from '../../tests/fixtures/sites/generate-long-thread';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

const IDLE = new Set(['(idle)', '(program)', '(root)']);

/**
 * Runs of extension work: consecutive samples whose stack holds extension script (gaps under 2 ms joined). For
 * each run longer than `minMs`, the functions with the most inclusive time in it: where a long task comes from.
 */
function extensionBursts(profile: Profile, minMs: number, whole = false): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = (id: number): ProfileNode[] => {
    const out: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) out.push(byId.get(at)!);
    return out;
  };
  const lines: string[] = [];
  let t = profile.startTime;
  let burst: { from: number; to: number; incl: Map<string, number> } | null = null;
  const flush = () => {
    if (burst && (burst.to - burst.from) / 1000 >= minMs) {
      const top = [...burst.incl].sort((a, b) => b[1] - a[1]).slice(0, whole ? 40 : 12);
      lines.push(
        `burst at ${((burst.from - profile.startTime) / 1000).toFixed(0)} ms, ${((burst.to - burst.from) / 1000).toFixed(1)} ms:`,
      );
      for (const [fn, us] of top) lines.push(`    ${(us / 1000).toFixed(1)} ms  ${fn}`);
    }
    burst = null;
  };
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    const stack = stackOf(id);
    const ours = stack.some((n) => n.callFrame.url.startsWith('chrome-extension://'));
    if (!ours) {
      if (burst && !whole && t - burst.to > 2000) flush();
      return;
    }
    burst ??= { from: t - dt, to: t, incl: new Map() };
    burst.to = t;
    const seen = new Set<string>();
    for (const n of stack) {
      const { functionName, url, lineNumber } = n.callFrame;
      if (IDLE.has(functionName)) continue;
      const where = url.startsWith('chrome-extension://') ? `${new URL(url).pathname}:${lineNumber + 1}` : '(native)';
      const key = `${functionName || '(anonymous)'} ${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      burst.incl.set(key, (burst.incl.get(key) ?? 0) + dt);
    }
  });
  flush();
  return lines;
}

const root = resolve(import.meta.dirname, '../..');

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
  const html = generateLongGmailThread(1000);
  const server = await startHttpsServer(['mail.google.com'], (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url?.startsWith('/blank') ? '<!doctype html><title>blank</title>' : html);
  });
  const ext = await launchWithExtension({ hostResolverRules: hostResolverRules(['mail.google.com'], server.port) });
  try {
    const page = await ext.context.newPage();
    // Same site first, so the profiler stays on the renderer that will load the thread.
    await page.goto('https://mail.google.com/blank');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(LONG_THREAD_URL, { waitUntil: 'load' });
    await page.waitForTimeout(Number(process.env.PROFILE_MS ?? 4000));
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const perUrl = new Map<string, number>();
    const perFn = new Map<string, number>();
    for (const [id, us] of self) {
      const { url, functionName, lineNumber, columnNumber } = byId.get(id)!.callFrame;
      const where = url.startsWith('chrome-extension://') ? new URL(url).pathname : url || '(native/other)';
      perUrl.set(where, (perUrl.get(where) ?? 0) + us);
      if (!url) {
        const key = `${functionName || '(anonymous)'} (native/other)`;
        perFn.set(key, (perFn.get(key) ?? 0) + us);
      }
      if (url.startsWith('chrome-extension://')) {
        const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}:${columnNumber + 1}`;
        perFn.set(key, (perFn.get(key) ?? 0) + us);
      }
    }
    const ms = (us: number) => `${(us / 1000).toFixed(1)} ms`;
    console.log('self time per script:');
    for (const [url, us] of [...perUrl].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${ms(us)}  ${url}`);
    console.log('heaviest extension and native functions (self):');
    for (const [fn, us] of [...perFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms(us)}  ${fn}`);
    console.log('heaviest extension functions (inclusive, whole load):');
    for (const line of extensionBursts(profile, 0, true).slice(1, 26)) console.log(line);
    console.log('runs of extension work over 20 ms (inclusive time per function):');
    for (const line of extensionBursts(profile, 20)) console.log(line);
  } finally {
    await ext.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
