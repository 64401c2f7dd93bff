/**
 * The export job: asks every connected tool (the connectors' `find` then `collect`, through the same
 * HTTP client and rate limiter as erasure), reads the register, writes the ZIP as a stream, and records
 * the access or portability request as fulfilled. Each step is persisted before the next; a resumed
 * job that had written its ZIP only records the request, otherwise it reads the tools again.
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
import type { ToolCollection } from './sources/types';
import type { DossierDraft } from './types';
import { writeZip, type ByteSink } from './zip-writer';

export interface ExportDeps {
  db: RegisterDb;
  store: ExportJobStore;
  /** Connectors, connections (secrets resolved at run time), fetch and clock: as for erasure. */
  tools: ToolDeps;
  /** Where the ZIP goes (a Blob in the extension, a file in Node). */
  sink: (job: ExportJob) => ByteSink;
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
  const records = await connector.collect(ctx, found);
  const download = downloader({
    label: connector.label,
    baseUrl: ctx.connection.baseUrl ?? connector.baseUrl(ctx.connection),
    fetch: deps.tools.fetch,
    limiter: contexts.limiters.get(tool),
    headers: () => connector.authHeaders(ctx.connection),
  });
  const collection = await sourceFor(tool)({ tool, ctx, found, records, download });
  return { ...collection, records: records.length + found.items.length };
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
  if (job.status === 'done') return job;
  if (job.status === 'recording') return record(deps, job, save);

  try {
    await save({ status: 'collecting' });
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
    await save({ status: 'recording', written });
    return record(deps, job, save);
  } catch (error) {
    return save({
      status: 'failed',
      error: error instanceof ConnectorError ? error.userMessage : 'The dossier could not be written',
    });
  }
}
