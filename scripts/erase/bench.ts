/**
 * npm run bench:erase — erase one customer with 2,500 Zendesk tickets, 3,000 Gmail messages and 150 Help Scout
 * conversations against the demo desk's stand-ins, in-process (deskFetch, no sockets), in REAL time: the job's
 * limiters, the stand-ins' rate-limit windows (429 above the tools' lowest-plan limits), Zendesk's background
 * delete jobs and Help Scout's async deletion (each taking ASYNC_DELAY_MS) all run on the wall clock.
 * Prints requests made vs the minimum the tools' bulk limits allow, and elapsed time vs the bound the rate
 * limits set for that minimum: per tool, its minimum (in the tool's units) at 80% of its per-minute limit; the
 * tools run side by side, so the bound is the slowest tool's. Last line: one JSON object.
 */
import { bulkCustomer, createDesk } from '../../demo/desk';
import { availableParallelism, loadavg } from 'node:os';
import { realClock } from '../../lib/connectors/clock';
import type { FetchLike } from '../../lib/connectors/http';
import { connectors } from '../../lib/connectors/registry';
import { createErasureService } from '../../lib/jobs/erasure-service';
import { MemoryJobStore } from '../../lib/jobs/job-store';
import { MemoryRegister } from '../../lib/jobs/register-port';
import { deskConnection } from './desk-connections';

const EMAIL = 'bulk.customer@example.com';
const COUNTS = { zendesk: 2500, gmail: 3000, helpscout: 150 };
/** The tools' lowest-plan limits (per minute; Gmail in quota units), the stand-ins enforce them with 429s. */
const LIMITS = { zendesk: 200, gmail: 15_000, helpscout: 200 };

const ceil = (n: number, d: number) => Math.ceil(n / d);
/** How long the stand-ins take to finish a background deletion (Zendesk jobs, Help Scout async delete). */
const ASYNC_DELAY_MS = 2_000;

/**
 * The fewest requests an erasure that keeps our rules can make, from the bulk and page sizes:
 * find (largest pages), one hold re-read per delete batch, the deletes at the largest batch size (and their
 * permanent second stage and job-status check where the tool works that way), and one verification query per role.
 */
function minimum(): Record<string, { requests: number; units: number; parts: string }> {
  const zBatches = ceil(COUNTS.zendesk, 100);
  /* user search, its identities, then by role: requester (pages of 1000), cc, commenter */
  const zFind = 1 + 1 + ceil(COUNTS.zendesk, 1000) + 1 + 1;
  const zendesk =
    zFind +
    zBatches /* holds */ +
    zBatches * 4 /* destroy, job status, permanent destroy, job status */ +
    2 /* user, deleted user */ +
    3 +
    2; /* verify: requester+cc+commenter search, user + deleted user */
  const gBatches = ceil(COUNTS.gmail, 1000);
  const gList = 1 + ceil(COUNTS.gmail, 500); /* held query + pages */
  const gmail = gList + gBatches /* holds */ + gBatches /* batchDelete */ + 1; /* verify */
  const gmailUnits = (gList + gBatches + 1) * 5 + gBatches * 50;
  const helpscout =
    1 + ceil(COUNTS.helpscout, 25) + 1 /* holds */ + 1 /* DELETE customer ?async=true */ + 2; /* verify */
  return {
    zendesk: {
      requests: zendesk,
      units: zendesk,
      parts: `find ${zFind}, hold re-reads ${zBatches}, destroy_many+job+deleted_tickets+job ${zBatches * 4}, user 2, verify 5`,
    },
    gmail: {
      requests: gmail,
      units: gmailUnits,
      parts: `find ${gList}, hold re-reads ${gBatches}, batchDelete ${gBatches}, verify 1`,
    },
    helpscout: {
      requests: helpscout,
      units: helpscout + 1,
      parts: `find ${1 + ceil(COUNTS.helpscout, 25)}, hold re-read 1, async customer delete 1, verify 2`,
    },
  };
}

async function main(): Promise<void> {
  const clock = realClock;
  const desk = createDesk({
    seed: bulkCustomer(EMAIL, COUNTS, clock.now()),
    now: () => clock.now(),
    limits: LIMITS,
    asyncDelayMs: ASYNC_DELAY_MS,
  });
  const perTool: Record<string, number> = {};
  const service = createErasureService({
    connectors,
    connection: deskConnection,
    fetch: desk.deskFetch as FetchLike,
    clock,
    store: new MemoryJobStore(),
    register: new MemoryRegister(),
    onRequest: (tool) => (perTool[tool] = (perTool[tool] ?? 0) + 1),
  });
  const start = clock.now();
  const customer = { id: 'bulk', identities: [{ kind: 'email' as const, value: EMAIL }] };
  const plan = await service.planErasure(customer, ['zendesk', 'gmail', 'helpscout']);
  for (const t of plan.tools)
    console.log(`plan ${t.tool}: ${t.erase.length} to erase, ${t.kept.length} kept, ${t.steps.length} steps`);
  if (plan.errors.length) console.log('plan errors', JSON.stringify(plan.errors));
  const job = await service.runToEnd(await service.startErasure(plan));
  const elapsedS = (clock.now() - start) / 1000;
  const progress = await service.progress(job.id);

  const min = minimum();
  const requests = Object.values(perTool).reduce((a, b) => a + b, 0);
  const minimumRequests = Object.values(min).reduce((a, b) => a + b.requests, 0);
  // Per tool: its minimum units at 80% of its per-minute limit; the tools run side by side, so the slowest sets it.
  const boundOf = (tool: keyof typeof LIMITS) => (min[tool]!.units / (0.8 * LIMITS[tool])) * 60;
  const rateLimitBoundS = Math.max(...(Object.keys(LIMITS) as (keyof typeof LIMITS)[]).map(boundOf));

  console.log(
    `job ${job.status}; erased per tool: ${progress.perTool.map((t) => `${t.tool} ${t.erased} (kept ${t.kept})`).join(', ')}`,
  );
  for (const tool of Object.keys(min))
    console.log(`${tool}: ${perTool[tool] ?? 0} requests, minimum ${min[tool]!.requests} (${min[tool]!.parts})`);
  console.log(
    `requests ${requests} vs minimum ${minimumRequests}: ${(requests / minimumRequests).toFixed(3)}x (target <= 1.1x); deletes alone: ${ceil(COUNTS.zendesk, 100) * 2 + 2 + ceil(COUNTS.gmail, 1000) + 1}`,
  );
  console.log(
    `429s answered by the stand-ins: ${desk.requests.filter((r) => r.status === 429).length}; contract violations: ${desk.violations.length}`,
  );
  console.log(
    `left in the stand-ins: zendesk ${desk.tools.zendesk.findUser(EMAIL) ? 'user' : 'nothing'}; leftover list ${job.leftover.length}`,
  );
  for (const tool of Object.keys(LIMITS) as (keyof typeof LIMITS)[])
    console.log(
      `${tool}: rate-limit bound ${boundOf(tool).toFixed(1)} s (${min[tool]!.units} units at 80% of ${LIMITS[tool]}/min)`,
    );
  console.log(
    `elapsed ${elapsedS.toFixed(1)} s real time (wall clock; background deletions take ${ASYNC_DELAY_MS / 1000} s at the ` +
      `stand-ins) vs rate-limit bound ${rateLimitBoundS.toFixed(1)} s: ${(elapsedS / rateLimitBoundS).toFixed(2)}x; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} on ${availableParallelism()} cores`,
  );
  console.log(
    JSON.stringify({
      requests,
      minimum_requests: minimumRequests,
      elapsed_s: Number(elapsedS.toFixed(1)),
      rate_limit_bound_s: Number(rateLimitBoundS.toFixed(1)),
    }),
  );
  if (job.status !== 'erased' || desk.violations.length > 0) process.exitCode = 1;
}

await main();
