/**
 * Runs the dossier export in the dashboard page (not the service worker: the ZIP becomes a Blob, and
 * saving it needs URL.createObjectURL). The job persists in the register (kind `export`, ids and
 * counts only); each saved step is reported to the page for its progress view. When the ZIP is
 * complete the job has recorded the access or portability request as fulfilled; the file is then
 * saved with browser.downloads under a name without personal data.
 */
import { browser } from 'wxt/browser';
import { connectionFor } from '@/lib/connections/runtime';
import { listConnections } from '@/lib/connections/store';
import { realClock } from '@/lib/connectors/clock';
import { connectors } from '@/lib/connectors/registry';
import { planExport, runExport, type ExportDeps } from '@/lib/dossier/export-job';
import type { ExportJob } from '@/lib/dossier/export-job-schema';
import { RegisterExportStore, type ExportJobStore } from '@/lib/dossier/export-store';
import { blobSink, dossierFileName } from '@/lib/dossier/save-dossier';
import type { ToolDeps } from '@/lib/jobs/tool-contexts';
import type { RegisterDb } from '@/lib/register/db';

export interface DossierExportDeps {
  db: RegisterDb;
  /** The tools connected in this browser (their connections are read again, with secrets, at run time). */
  connectedTools: () => Promise<string[]>;
  tools: ToolDeps;
  /** Saves the finished ZIP; resolves when the download has started. */
  save: (blob: Blob, fileName: string) => Promise<unknown>;
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

/** Saves a Blob with browser.downloads (the browser asks where, as for any download the user starts). */
export async function saveWithDownloads(blob: Blob, fileName: string): Promise<number> {
  const url = URL.createObjectURL(blob);
  try {
    return await browser.downloads.download({ url, filename: fileName, saveAs: true });
  } finally {
    // The download holds its own reference to the Blob once started.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

export function extensionExportDeps(db: RegisterDb): DossierExportDeps {
  return {
    db,
    connectedTools: async () => (await listConnections()).map((c) => c.tool),
    tools: {
      connectors,
      connection: (tool) => connectionFor(tool),
      fetch: (input, init) => fetch(input, init),
      clock: realClock,
    },
    save: saveWithDownloads,
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

export async function runDossierExport(
  deps: DossierExportDeps,
  request: DossierExportRequest,
  onJob: (job: ExportJob) => void = () => undefined,
): Promise<DossierExportResult> {
  const tools = await toolsToRead(deps);
  const sink = blobSink();
  const exportDeps: ExportDeps = {
    db: deps.db,
    store: reporting(deps.store ?? new RegisterExportStore(deps.db), onJob),
    tools: deps.tools,
    sink: () => sink,
  };
  const planned = await planExport(exportDeps, { ...request, tools });
  const job = await runExport(exportDeps, planned.id);
  if (job.status !== 'done') return { job };
  const fileName = dossierFileName(job.scope, job.createdAt, job.id);
  await deps.save(sink.blob(), fileName);
  return { job, fileName };
}
