/** One CSV per entity (papaparse), for spreadsheets: the same records as dossier.json, flattened. */
import Papa from 'papaparse';
import type { Dossier } from './dossier-schema';

const unparse = (fields: string[], rows: Record<string, unknown>[]) =>
  // escapeFormulae: a cell starting with =, +, - or @ is not run as a formula when opened in a spreadsheet.
  Papa.unparse(
    { fields, data: rows.map((r) => fields.map((f) => r[f] ?? '')) },
    { escapeFormulae: true, newline: '\r\n' },
  );

export function buildCsvFiles(dossier: Dossier): { path: string; text: string }[] {
  const files = [
    {
      path: 'conversations.csv',
      text: unparse(
        ['id', 'tool', 'toolRecordId', 'subject', 'role', 'status', 'createdAt', 'updatedAt', 'retentionDueAt', 'held'],
        dossier.conversations,
      ),
    },
    {
      path: 'messages.csv',
      text: unparse(
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
        dossier.messages.map((m) => ({ ...m, authorName: m.author.name, authorEmail: m.author.email })),
      ),
    },
    {
      path: 'attachments.csv',
      text: unparse(
        ['id', 'messageId', 'conversationId', 'tool', 'originalName', 'size', 'contentType', 'sha256', 'path'],
        dossier.attachments,
      ),
    },
  ];
  if (dossier.register) {
    files.push(
      {
        path: 'holds.csv',
        text: unparse(
          ['id', 'tool', 'itemKind', 'itemToolRecordId', 'reason', 'legalGround', 'by', 'since', 'until'],
          dossier.register.holds,
        ),
      },
      {
        path: 'requests.csv',
        text: unparse(['id', 'kind', 'receivedAt', 'deadline', 'status', 'closedAt'], dossier.register.requests),
      },
    );
  }
  return files;
}
