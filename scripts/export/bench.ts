/**
 * npm run bench:export — a customer with 1,000 conversations and 200 MB of attachments, generated
 * deterministically and streamed (never held whole), written through the streaming ZIP to a temp
 * file. Prints seconds, peak RSS (sampled during the run) and the dossier's size; the last line is
 * one JSON object: {"seconds","peak_rss_mb","dossier_mb"}.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dossierParts } from '../../lib/dossier/build-parts';
import { fileSink } from '../../lib/dossier/node-file-sink';
import { writeZip } from '../../lib/dossier/zip-writer';
import { syntheticCustomer } from './synthetic-customer';

const CONVERSATIONS = 1000;
// BENCH_ATTACHMENT_MB overrides the size, to show that peak memory does not grow with the dossier.
const ATTACHMENT_BYTES = Number(process.env.BENCH_ATTACHMENT_MB ?? 200) * 1024 * 1024;
const MB = 1024 * 1024;

let peakRss = process.memoryUsage().rss;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sample, 10);

const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
// BENCH_OUT keeps the ZIP at that path (to open it and check it); by default it goes to a temp dir and is removed.
const path = process.env.BENCH_OUT ?? join(dir, 'dossier.zip');
try {
  const baseline = process.memoryUsage().rss;
  const draft = syntheticCustomer({ conversations: CONVERSATIONS, attachmentBytes: ATTACHMENT_BYTES, onChunk: sample });
  const started = performance.now();
  let files = 0;
  const result = await writeZip(
    dossierParts(draft, { scope: 'access', language: 'nl', now: Date.UTC(2026, 10, 28) }, (built) => {
      files = built.manifest.files.length;
    }),
    fileSink(path),
  );
  const seconds = (performance.now() - started) / 1000;
  sample();
  const dossierMb = statSync(path).size / MB;
  console.log(
    `conversations: ${CONVERSATIONS}, messages: ${draft.messages.length}, attachments: ${draft.attachments.length}`,
  );
  console.log(`files in ZIP: ${result.files} (manifest lists ${files} + itself), ZIP bytes: ${result.bytes}`);
  console.log(
    `baseline RSS: ${(baseline / MB).toFixed(1)} MB, peak RSS: ${(peakRss / MB).toFixed(1)} MB (+${((peakRss - baseline) / MB).toFixed(1)} MB during the export)`,
  );
  console.log(`time: ${seconds.toFixed(2)} s, dossier: ${dossierMb.toFixed(1)} MB`);
  console.log(
    JSON.stringify({
      seconds: Number(seconds.toFixed(2)),
      peak_rss_mb: Number((peakRss / MB).toFixed(1)),
      dossier_mb: Number(dossierMb.toFixed(1)),
    }),
  );
} finally {
  clearInterval(timer);
  rmSync(dir, { recursive: true, force: true });
}
