/**
 * What the builders take: the dossier's records with attachments still as sources (their bytes are
 * streamed into the ZIP one chunk at a time, and their size and SHA-256 are known only then).
 */
import type { Dossier, DossierScope } from './dossier-schema';

export interface AttachmentSource {
  id: string;
  messageId: string;
  conversationId: string;
  tool: string;
  originalName: string;
  contentType: string;
  /** Reads the file in chunks; called once, when the file is written into the ZIP. */
  open(): AsyncIterable<Uint8Array>;
}

export type DossierDraft = Omit<
  Dossier,
  'schemaVersion' | 'generatedAt' | 'scope' | 'language' | 'masking' | 'attachments' | 'missingAttachments'
> & {
  attachments: AttachmentSource[];
};

export interface BuildOptions {
  scope: DossierScope;
  language: 'en' | 'nl';
  /** Masks other people's personal data (Art. 15(4)) with this detector; absent: no masking. */
  mask?: import('./mask-others').Detector;
  now?: number;
}

/** One file of the ZIP: bytes known up front, or a stream of chunks. */
export interface ZipPart {
  path: string;
  data: Uint8Array | AsyncIterable<Uint8Array>;
  /** Deflate (text) or store (attachments, mostly compressed already, and faster). */
  compress: boolean;
}
