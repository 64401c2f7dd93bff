/**
 * One CSV per entity (papaparse), for spreadsheets: the same records as dossier.json, flattened.
 * Written in batches of rows (text pieces for the ZIP stream), never as one string per file.
 */
import Papa from 'papaparse';
import type { Dossier } from './dossier-schema';

const BATCH = 500;

function* csvPieces<T>(
  fields: string[],
  rows: readonly T[],
  flatten: (row: T) => Record<string, unknown> = (r) => r as Record<string, unknown>,
): Generator<string> {
  // escapeFormulae: a cell starting with =, +, - or @ is not run as a formula when opened in a spreadsheet.
  const unparse = (data: unknown[][], header: boolean) =>
    Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n', header });
  if (rows.length === 0) {
    yield unparse([], true);
    return;
  }
  for (let at = 0; at < rows.length; at += BATCH) {
    const data = rows.slice(at, at + BATCH).map((row) => {
      const flat = flatten(row);
      return fields.map((f) => flat[f] ?? '');
    });
    yield (at === 0 ? '' : '\r\n') + unparse(data, at === 0);
  }
}

export function buildCsvFiles(dossier: Dossier): { path: string; pieces: () => Iterable<string> }[] {
  const files = [
    {
      path: 'conversations.csv',
      pieces: () =>
        csvPieces(
          [
            'id',
            'tool',
            'toolRecordId',
            'subject',
            'role',
            'status',
            'createdAt',
            'updatedAt',
            'retentionDueAt',
            'held',
          ],
          dossier.conversations,
        ),
    },
    {
      path: 'messages.csv',
      pieces: () =>
        csvPieces(
          [
            'id',
            'conversationId',
            'tool',
            'toolRecordId',
            'authorName',
            'authorEmail',
            'fromCustomer',
            'internal',
            'sentAt',
            'text',
          ],
          dossier.messages,
          (m) => ({ ...m, authorName: m.author.name, authorEmail: m.author.email }),
        ),
    },
    {
      path: 'attachments.csv',
      pieces: () =>
        csvPieces(
          ['id', 'messageId', 'conversationId', 'tool', 'originalName', 'size', 'contentType', 'sha256', 'path'],
          dossier.attachments,
        ),
    },
  ];
  const register = dossier.register;
  if (register) {
    files.push(
      {
        path: 'holds.csv',
        pieces: () =>
          csvPieces(
            ['id', 'tool', 'itemKind', 'itemToolRecordId', 'reason', 'legalGround', 'by', 'since', 'until'],
            register.holds,
          ),
      },
      {
        path: 'requests.csv',
        pieces: () => csvPieces(['id', 'kind', 'receivedAt', 'deadline', 'status', 'closedAt'], register.requests),
      },
    );
  }
  return files;
}
