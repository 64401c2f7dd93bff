import Papa from 'papaparse';
import type { AuditEntry } from './schemas';

export const auditCsvColumns = ['at', 'action', 'customerHash', 'tool', 'count', 'result', 'detail'] as const;

/** The audit log as CSV (ISO dates; cells that a spreadsheet would run as formulas are escaped). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return Papa.unparse(
    {
      fields: [...auditCsvColumns],
      data: entries.map((e) => [
        new Date(e.at).toISOString(),
        e.action,
        e.customerHash ?? '',
        e.tool ?? '',
        e.count ?? '',
        e.result,
        e.detail ?? '',
      ]),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}
