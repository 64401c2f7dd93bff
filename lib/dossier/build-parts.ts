/**
 * The dossier's files, in ZIP order, as an async iterable for the ZIP writer: the attachments first
 * (streamed, hashed on the way), then dossier.json (which needs their sizes and hashes),
 * dossier.schema.json, the CSVs, index.html, and last manifest.json with every file's SHA-256.
 * Every file is streamed: the text files are generated in pieces (per record, per conversation),
 * encoded and hashed chunk by chunk, so memory holds the records, never a whole file.
 */
import { ConnectorError } from '../connectors/errors';
import { buildCsvFiles } from './csv';
import { dossierJsonPieces } from './dossier-json';
import { DOSSIER_SCHEMA_VERSION, type Dossier, type DossierAttachment } from './dossier-schema';
import { UniqueNames } from './file-names';
import { hashingStream, type StreamDigest } from './hashing';
import { htmlPieces } from './html/render-html';
import { dossierJsonSchema } from './json-schema';
import { maskOthers } from './mask-others';
import { applyScope } from './scope';
import type { BuildOptions, DossierDraft, ZipPart } from './types';

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  schemaVersion: string;
  generatedAt: string;
  algorithm: 'SHA-256';
  files: ManifestEntry[];
}

export interface BuiltDossier {
  dossier: Dossier;
  manifest: Manifest;
}

const encoder = new TextEncoder();
/** Characters per encoded chunk of a text file. */
const TEXT_CHUNK = 64 * 1024;

/** Text pieces as UTF-8 chunks of about TEXT_CHUNK characters (pieces are whole strings: never a split pair). */
async function* utf8Chunks(pieces: Iterable<string>): AsyncGenerator<Uint8Array> {
  let pending: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    pending.push(piece);
    length += piece.length;
    if (length >= TEXT_CHUNK) {
      yield encoder.encode(pending.join(''));
      pending = [];
      length = 0;
    }
  }
  if (length > 0) yield encoder.encode(pending.join(''));
}

async function openFirst(
  source: AsyncIterable<Uint8Array>,
): Promise<{ chunks: AsyncIterable<Uint8Array> } | { reason: string }> {
  const iterator = source[Symbol.asyncIterator]();
  let first: IteratorResult<Uint8Array>;
  try {
    first = await iterator.next();
  } catch (error) {
    return { reason: error instanceof ConnectorError ? error.userMessage : 'The file could not be read' };
  }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let next = first; !next.done; next = await iterator.next()) yield next.value;
  }
  return { chunks: chunks() };
}

export async function* dossierParts(
  draft: DossierDraft,
  options: BuildOptions,
  onBuilt?: (built: BuiltDossier) => void,
): AsyncGenerator<ZipPart> {
  const generatedAt = new Date(options.now ?? Date.now()).toISOString();
  const scoped = applyScope(draft, options.scope);
  const { draft: ready, masked } = options.mask ? maskOthers(scoped, options.mask) : { draft: scoped, masked: 0 };
  const entries: ManifestEntry[] = [];
  const names = new UniqueNames();
  const attachments: DossierAttachment[] = [];

  const missing: Dossier['missingAttachments'] = [];

  for (const source of ready.attachments) {
    // Ask for the first chunk before the file enters the ZIP: a file the tool will not hand over is
    // named in `missingAttachments` instead of failing the whole dossier.
    const opened = await openFirst(source.open());
    if ('reason' in opened) {
      missing.push({
        id: source.id,
        messageId: source.messageId,
        tool: source.tool,
        originalName: source.originalName,
        reason: opened.reason,
      });
      continue;
    }
    const path = `attachments/${names.take(source.originalName)}`;
    let digest: StreamDigest | undefined;
    yield { path, data: hashingStream(opened.chunks, (d) => (digest = d)), compress: false };
    if (!digest) throw new Error('An attachment was not written completely');
    const { size, sha256 } = digest;
    entries.push({ path, size, sha256 });
    const { open: _open, ...meta } = source;
    attachments.push({ ...meta, size, sha256, path });
  }

  // Validated record by record as dossier.json is written (see dossier-json.ts).
  const dossier: Dossier = {
    schemaVersion: DOSSIER_SCHEMA_VERSION,
    generatedAt,
    scope: options.scope,
    language: options.language,
    masking: { applied: Boolean(options.mask), masked },
    subject: ready.subject,
    tools: ready.tools,
    conversations: ready.conversations,
    messages: ready.messages,
    attachments,
    missingAttachments: missing,
    ...(options.scope === 'access' && ready.register ? { register: ready.register } : {}),
  };

  const csvFiles = buildCsvFiles(dossier);
  const listed = [
    'dossier.json',
    'dossier.schema.json',
    ...csvFiles.map((f) => f.path),
    'index.html',
    'manifest.json',
    ...attachments.map((a) => a.path),
  ];
  const textFiles: { path: string; pieces: () => Iterable<string> }[] = [
    { path: 'dossier.json', pieces: () => dossierJsonPieces(dossier) },
    { path: 'dossier.schema.json', pieces: () => [JSON.stringify(dossierJsonSchema(), null, 2)] },
    ...csvFiles,
    { path: 'index.html', pieces: await htmlPieces(dossier, listed) },
  ];

  for (const file of textFiles) {
    let digest: StreamDigest | undefined;
    yield { path: file.path, data: hashingStream(utf8Chunks(file.pieces()), (d) => (digest = d)), compress: true };
    if (!digest) throw new Error('A file was not written completely');
    entries.push({ path: file.path, size: digest.size, sha256: digest.sha256 });
  }

  const manifest: Manifest = {
    schemaVersion: DOSSIER_SCHEMA_VERSION,
    generatedAt,
    algorithm: 'SHA-256',
    files: entries,
  };
  yield { path: 'manifest.json', data: encoder.encode(JSON.stringify(manifest, null, 2)), compress: true };
  onBuilt?.({ dossier, manifest });
}
