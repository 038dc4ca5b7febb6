import * as z from 'zod';
import { parseOrThrow, ValidationError } from '#domain/errors';
import type { HttpResult } from '#http/event';
import { csvOf, type Sheet, xlsxOf } from './spreadsheet';

/**
 * Rows per part of an export. A Lambda function's answer holds 6 MB at most, and an XLSX answer grows by a third
 * in base64: 5,000 registrants make about 1 MB of CSV, so a review of any size is served part by part, each
 * well within it.
 */
export const EXPORT_PART_ROWS = 5_000;

/** What the exporting functions are given: rows per part, `EXPORT_PART_ROWS` but where a test wants parts of a few. */
export interface ExportSettings {
  exportPartRows: number;
}

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** An export's query: its format, and which part (1 the first). */
const ExportQuery = z.object({
  format: ExportFormat,
  part: z.coerce.number().int().min(1).default(1),
});

/** How many parts `rows` rows make: one at least, holding only the headings when there is no row. */
export const partsOf = (rows: number, partRows: number): number => Math.max(1, Math.ceil(rows / partRows));

/**
 * One part of a sheet as a file to download: CSV as text, XLSX in base64 (API Gateway decodes an answer marked
 * `isBase64Encoded`; the local gateway does the same). Every part has the headings; `x-export-part` and
 * `x-export-parts` say which part it is of how many, and the file's name says so too when there are several.
 */
export async function exportFile(
  sheet: Sheet,
  query: { format?: string; part?: string },
  options: { filename: string; partRows: number },
): Promise<HttpResult> {
  const { format, part } = parseOrThrow(ExportQuery, query);
  const parts = partsOf(sheet.rows.length, options.partRows);
  if (part > parts)
    throw new ValidationError([{ field: 'part', message: `there are ${parts} parts, not ${part}` }]);
  const rows = sheet.rows.slice((part - 1) * options.partRows, part * options.partRows);
  const base = options.filename.replace(/[^\w.-]+/g, '-');
  const filename = parts > 1 ? `${base}-part-${part}-of-${parts}.${format}` : `${base}.${format}`;
  const headers = {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `attachment; filename="${filename}"`,
    'content-language': sheet.language,
    'x-export-part': String(part),
    'x-export-parts': String(parts),
  };
  if (format === 'csv') return { statusCode: 200, headers, body: csvOf({ ...sheet, rows }) };
  const workbook = await xlsxOf({ ...sheet, rows });
  return { statusCode: 200, headers, body: workbook.toString('base64'), isBase64Encoded: true };
}
