/**
 * Runs the dossier export in the dashboard page (not the service worker: the ZIP becomes a Blob, and
 * saving it needs URL.createObjectURL). The job persists in the register (kind `export`, ids and
 * counts only); each saved step is reported to the page for its progress view. The ZIP is saved with
 * browser.downloads under a name without personal data, and the request is recorded as fulfilled only
 * once the browser reports the file saved (a cancelled Save dialog leaves it open). An export whose
 * tab was closed is resumed the next time the dashboard opens (`resumeInterruptedExports`).
 */
import { listConnections } from '@/lib/connections/store';
import { downloadStateOf, saveWithDownloads, type Delivery } from '@/lib/dossier/download-watch';
import { planExport, resumeExport, runExport, UNFINISHED, type ExportDeps } from '@/lib/dossier/export-job';
import type { ExportJob } from '@/lib/dossier/export-job-schema';
import { RegisterExportStore, type ExportJobStore } from '@/lib/dossier/export-store';
import { holdRunningPort } from '@/lib/dossier/running-port';
import { blobSink, dossierFileName } from '@/lib/dossier/save-dossier';
import { browserToolDeps } from '@/lib/erasure-bridge/browser-tool-deps';
import type { ToolDeps } from '@/lib/jobs/tool-contexts';
import type { RegisterDb } from '@/lib/register/db';

export interface DossierExportDeps {
  db: RegisterDb;
  /** The tools connected in this browser (their connections are read again, with secrets, at run time). */
  connectedTools: () => Promise<string[]>;
  tools: ToolDeps;
  /** Saves the finished ZIP; resolves once the file is saved, or the download ended without it. */
  save: (blob: Blob, fileName: string, onStarted?: (downloadId: number) => Promise<void>) => Promise<Delivery>;
  downloadState?: ExportDeps['downloadState'];
  store?: ExportJobStore;
}

export interface DossierExportRequest {
  customerId: string;
  scope: ExportJob['scope'];
  language: ExportJob['language'];
  mask: boolean;
}

export interface DossierExportResult {
  job: ExportJob;
  /** Set when the ZIP was handed to the browser's downloads. */
  fileName?: string;
}

export function extensionExportDeps(db: RegisterDb): DossierExportDeps {
  return {
    db,
    connectedTools: async () => (await listConnections()).map((c) => c.tool),
    // Gmail, Graph and Help Scout get the same renewed tokens as erasure (storage.session is open to extension pages).
    tools: browserToolDeps(),
    save: saveWithDownloads,
    downloadState: downloadStateOf,
  };
}

/** The connected tools PrivacyDesk has a connector for, in the connectors' order. */
export async function toolsToRead(deps: DossierExportDeps): Promise<string[]> {
  const connected = new Set(await deps.connectedTools());
  return Object.keys(deps.tools.connectors).filter((tool) => connected.has(tool));
}

/** A store that also tells the page about every saved step. */
function reporting(store: ExportJobStore, onJob: (job: ExportJob) => void): ExportJobStore {
  return {
    get: (id) => store.get(id),
    async put(job) {
      await store.put(job);
      onJob(job);
    },
  };
}

/** The job's dependencies in the page: a fresh Blob sink per run, delivered with the browser's downloads. */
function jobDeps(deps: DossierExportDeps, onJob: (job: ExportJob) => void): ExportDeps {
  let sink: ReturnType<typeof blobSink> | undefined;
  return {
    db: deps.db,
    store: reporting(deps.store ?? new RegisterExportStore(deps.db), onJob),
    tools: deps.tools,
    sink: () => (sink = blobSink()),
    deliver: (job, started) => deps.save(sink!.blob(), dossierFileName(job.scope, job.createdAt, job.id), started),
    downloadState: deps.downloadState,
  };
}

/** Jobs this page is running, so a resume never starts one twice. */
const running = new Set<string>();

/**
 * Runs `work` for the job unless this page or another dashboard tab runs it already: a Web Lock per
 * job, which the browser releases when its tab closes (so a closed tab's export can be resumed).
 */
async function exclusively<T>(jobId: string, work: () => Promise<T>): Promise<T | undefined> {
  if (running.has(jobId)) return undefined;
  running.add(jobId);
  const release = holdRunningPort();
  try {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (!locks) return await work();
    return await locks.request(`privacydesk-export-${jobId}`, { ifAvailable: true }, (lock) =>
      lock ? work() : undefined,
    );
  } finally {
    release();
    running.delete(jobId);
  }
}

export async function runDossierExport(
  deps: DossierExportDeps,
  request: DossierExportRequest,
  onJob: (job: ExportJob) => void = () => undefined,
): Promise<DossierExportResult> {
  const tools = await toolsToRead(deps);
  const exportDeps = jobDeps(deps, onJob);
  const planned = await planExport(exportDeps, { ...request, tools });
  const job = (await exclusively(planned.id, () => runExport(exportDeps, planned.id))) ?? planned;
  if (job.status !== 'done') return { job };
  return { job, fileName: dossierFileName(job.scope, job.createdAt, job.id) };
}

/**
 * Export jobs left unfinished (their tab was closed, the browser stopped) run again: each shows in
 * Jobs as it goes, and ends saved and recorded, or says why not. Returns the jobs it resumed.
 */
export async function resumeInterruptedExports(
  deps: DossierExportDeps,
  onJob: (job: ExportJob) => void = () => undefined,
): Promise<ExportJob[]> {
  const rows = await deps.db.jobs
    .filter((row) => row.kind === 'export' && UNFINISHED.includes(row.status as ExportJob['status']))
    .toArray();
  const exportDeps = jobDeps(deps, onJob);
  const out: ExportJob[] = [];
  for (const row of rows) {
    const job = await exclusively(row.id, () => resumeExport(exportDeps, row.id));
    if (job) out.push(job);
  }
  return out;
}
