/**
 * The export job: asks every connected tool (the connectors' `find`, then the tool's dossier source,
 * through the same HTTP client and rate limiter as erasure), reads the register, writes the ZIP as a
 * stream, hands it to `deliver` (the browser's download) and records the access or portability request
 * as fulfilled only once the file is saved. Each step is persisted before the next. A resumed job
 * (`resumeExport`: the tab was closed, the browser restarted) records the request when its download
 * had completed, and otherwise starts again from collecting: the collected data is never persisted
 * (see export-job-schema.ts), so the tools are read again, which is safe because collecting only reads.
 */
import { ConnectorError } from '../connectors/errors';
import { ToolContexts, type ToolDeps } from '../jobs/tool-contexts';
import type { RegisterDb } from '../register/db';
import { appendAudit } from '../register/audit-log';
import { getSalt, hashCustomer } from '../register/identity-hash';
import { closeRequest, createRequest } from '../register/requests';
import { dossierParts, type BuiltDossier } from './build-parts';
import { downloader } from './download';
import type { ToolSection } from './dossier-schema';
import type { ExportJob } from './export-job-schema';
import type { ExportJobStore } from './export-store';
import { defaultDetector, type Detector } from './mask-others';
import { itemKey, readRegister, type RegisterView } from './register-reader';
import { sourceFor } from './sources';
import type { CollectedRecord, ToolCollection } from './sources/types';
import type { DossierDraft } from './types';
import type { Delivery } from './download-watch';
import { writeZip, type ByteSink } from './zip-writer';

/** Statuses a job passes through while it runs: a job left in one of them was interrupted. */
export const UNFINISHED: readonly ExportJob['status'][] = ['planned', 'collecting', 'writing', 'saving', 'recording'];

export interface ExportDeps {
  db: RegisterDb;
  store: ExportJobStore;
  /** Connectors, connections (secrets resolved at run time), fetch and clock: as for erasure. */
  tools: ToolDeps;
  /** Where the ZIP goes (a Blob in the extension, a file in Node); called once per run. */
  sink: (job: ExportJob) => ByteSink;
  /**
   * Saves the written ZIP (the browser's download) and says whether the file was saved; `started`
   * persists the download's id. Absent (Node, the benchmark): the sink's file is the saved copy.
   */
  deliver?: (job: ExportJob, started: (downloadId: number) => Promise<void>) => Promise<Delivery>;
  /** Whether an earlier run's download completed (for a resumed job in `saving`). */
  downloadState?: (downloadId: number) => Promise<'complete' | 'in_progress' | 'interrupted' | 'unknown'>;
  detector?: Detector;
  newId?: () => string;
  onBuilt?: (built: BuiltDossier) => void;
}

export interface ExportRequest {
  customerId: string;
  scope: ExportJob['scope'];
  language: ExportJob['language'];
  mask: boolean;
  /** The connected tools to ask. */
  tools: string[];
  requestId?: string;
}

export async function planExport(deps: ExportDeps, request: ExportRequest): Promise<ExportJob> {
  const now = deps.tools.clock.now();
  const job: ExportJob = {
    id: deps.newId?.() ?? crypto.randomUUID(),
    kind: 'export',
    customerId: request.customerId,
    requestId: request.requestId,
    scope: request.scope,
    language: request.language,
    mask: request.mask,
    status: 'planned',
    tools: request.tools.map((tool) => ({ tool, status: 'pending', attempts: 0, records: 0 })),
    resumed: 0,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.put(job);
  return job;
}

const messageOf = (error: unknown) =>
  error instanceof ConnectorError ? error.userMessage : 'The tool could not be read';

async function collectTool(
  contexts: ToolContexts,
  deps: ExportDeps,
  tool: string,
  view: RegisterView,
): Promise<ToolCollection & { records: number }> {
  const connector = contexts.connector(tool);
  const ctx = await contexts.context(tool);
  const identities = view.subject.identities;
  const found = await connector.find(ctx, identities);
  const baseUrl = ctx.connection.baseUrl ?? connector.baseUrl(ctx.connection);
  const download = downloader({
    label: connector.label,
    baseUrl,
    fetch: deps.tools.fetch,
    limiter: contexts.limiters.get(tool),
    headers: () => connector.authHeaders(ctx.connection),
  });
  let collected: Promise<CollectedRecord[]> | undefined;
  const collect = () => (collected ??= connector.collect(ctx, found));
  const collection = await sourceFor(tool)({ tool, ctx, identities, baseUrl, found, collect, download });
  return { ...collection, records: collection.recordCount ?? found.items.length + collection.messages.length };
}

function draftOf(view: RegisterView, sections: ToolSection[], collections: ToolCollection[]): DossierDraft {
  const conversations = collections
    .flatMap((c) => c.conversations)
    .map((c) => {
      const item = view.items.get(itemKey(c.tool, 'conversation', c.toolRecordId));
      const due = item?.retentionDueAt;
      return {
        ...c,
        held: c.held || item?.held === 1,
        ...(due === undefined ? {} : { retentionDueAt: new Date(due).toISOString() }),
      };
    });
  return {
    subject: view.subject,
    tools: sections,
    conversations,
    messages: collections.flatMap((c) => c.messages),
    attachments: collections.flatMap((c) => c.attachments),
    register: view.register,
  };
}

async function record(
  deps: ExportDeps,
  job: ExportJob,
  save: (patch: Partial<ExportJob>) => Promise<ExportJob>,
): Promise<ExportJob> {
  const now = deps.tools.clock.now();
  let requestId = job.requestId;
  if (!requestId) {
    requestId = (await createRequest(deps.db, job.customerId, job.scope, job.createdAt, now)).id;
    job = await save({ requestId });
  }
  await closeRequest(deps.db, requestId, now);
  // Once per job, also when a killed run records again.
  const detail = `job ${job.id}`;
  if ((await deps.db.audit.filter((a) => a.detail === detail).count()) === 0) {
    const failed = job.tools.filter((t) => t.status === 'failed').map((t) => t.tool);
    await appendAudit(deps.db, {
      at: now,
      action: `dossier.${job.scope}.exported`,
      customerHash: await hashCustomer(await getSalt(deps.db), job.customerId),
      count: job.written?.files,
      result: failed.length ? 'partial' : 'ok',
      detail,
    });
  }
  return save({ status: 'done' });
}

export async function runExport(deps: ExportDeps, jobId: string): Promise<ExportJob> {
  let job = await deps.store.get(jobId);
  if (!job) throw new Error('No such export job');
  const save = async (patch: Partial<ExportJob>) => {
    job = { ...job!, ...patch, updatedAt: deps.tools.clock.now() };
    await deps.store.put(job);
    return job;
  };
  if (job.status === 'done' || job.status === 'not-saved') return job;
  if (job.status === 'recording') return record(deps, job, save);
  if (job.status === 'saving' && job.downloadId !== undefined && deps.downloadState) {
    const state = await deps.downloadState(job.downloadId);
    if (state === 'complete') {
      await save({ status: 'recording' });
      return record(deps, job, save);
    }
  }

  try {
    // The request is on the register (open) from the start: a dossier that is never saved leaves it open.
    if (!job.requestId) {
      const request = await createRequest(deps.db, job.customerId, job.scope, job.createdAt, deps.tools.clock.now());
      await save({ requestId: request.id });
    }
    await save({ status: 'collecting', downloadId: undefined, written: undefined, error: undefined });
    const view = await readRegister(deps.db, job.customerId);
    const contexts = new ToolContexts(deps.tools);
    const sections: ToolSection[] = [];
    const collections: ToolCollection[] = [];
    for (const state of job.tools) {
      const connector = contexts.connector(state.tool);
      const section: ToolSection = {
        tool: state.tool,
        label: connector.label,
        collectedAt: new Date(deps.tools.clock.now()).toISOString(),
        status: 'complete',
        profiles: [],
        processing: { regions: connector.processing.regions, legalGround: connector.processing.legalGround },
        recordCount: 0,
      };
      let next: ExportJob['tools'][number];
      try {
        const collected = await collectTool(contexts, deps, state.tool, view);
        const connection = await deps.tools.connection(state.tool);
        sections.push({
          ...section,
          account: connection?.account,
          profiles: collected.profiles,
          recordCount: collected.records,
        });
        collections.push(collected);
        next = { tool: state.tool, status: 'done', attempts: state.attempts + 1, records: collected.records };
      } catch (error) {
        sections.push({ ...section, status: 'failed', error: messageOf(error) });
        next = {
          tool: state.tool,
          status: 'failed',
          attempts: state.attempts + 1,
          records: 0,
          error: messageOf(error),
        };
      }
      await save({ tools: job.tools.map((t) => (t.tool === state.tool ? next : t)) });
    }

    await save({ status: 'writing' });
    const now = deps.tools.clock.now();
    const parts = dossierParts(
      draftOf(view, sections, collections),
      {
        scope: job.scope,
        language: job.language,
        mask: job.mask ? (deps.detector ?? defaultDetector) : undefined,
        now,
      },
      deps.onBuilt,
    );
    const written = await writeZip(parts, deps.sink(job), now);
    await save({ status: 'saving', written });
    if (deps.deliver) {
      const delivery = await deps.deliver(job, async (downloadId) => void (await save({ downloadId })));
      if (delivery.state !== 'complete') return save({ status: 'not-saved', error: delivery.reason });
    }
    await save({ status: 'recording' });
    return record(deps, job, save);
  } catch (error) {
    return save({
      status: 'failed',
      error: error instanceof ConnectorError ? error.userMessage : 'The dossier could not be written',
    });
  }
}

/**
 * Continues an export that was interrupted (its tab closed, the browser or service worker stopped):
 * counts the restart, then runs it again from where its persisted state allows (see runExport).
 */
export async function resumeExport(deps: ExportDeps, jobId: string): Promise<ExportJob | undefined> {
  const job = await deps.store.get(jobId);
  if (!job || !UNFINISHED.includes(job.status)) return job;
  await deps.store.put({ ...job, resumed: job.resumed + 1, updatedAt: deps.tools.clock.now() });
  return runExport(deps, jobId);
}
