import { stringify } from 'csv-stringify/sync';
import { directionOf, type Language } from '#i18n/languages';

/** What an export holds, whatever its format: a sheet's name, its headings and its rows, in one language. */
export interface Sheet {
  name: string;
  headings: string[];
  rows: (string | number)[][];
  language: Language;
}

/** A cell that a spreadsheet program would run as a formula when it opens a CSV file. */
const FORMULA_LIKE = /^[=+\-@\t\r]/;

/**
 * The sheet as CSV, with a UTF-8 byte order mark, so that spreadsheet programs read Arabic and Chinese as such.
 * CSV has no cell types: a formula-looking text is quoted with a leading apostrophe, since names and
 * organisations come from the public form and a spreadsheet must not run them.
 */
export function csvOf(sheet: Sheet): string {
  const defused = sheet.rows.map((row) =>
    row.map((cell) => (typeof cell === 'string' && FORMULA_LIKE.test(cell) ? `'${cell}` : cell)),
  );
  return `\uFEFF${stringify([sheet.headings, ...defused])}`;
}

/** Excel refuses a sheet name longer than 31 characters or holding any of these. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

const MAX_COLUMN_WIDTH = 60;

/**
 * The sheet as an XLSX workbook: headings bold and frozen, columns as wide as their text, right to left in
 * Arabic. Every text is a typed string cell, never a formula, so a formula-looking name stays the name as
 * written, without the apostrophe CSV needs.
 */
export async function xlsxOf(sheet: Sheet): Promise<Buffer> {
  // Loaded by the rare export that asks for it, not at every cold start.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const widths = sheet.headings.map((heading, column) =>
    Math.min(
      MAX_COLUMN_WIDTH,
      Math.max(heading.length, ...sheet.rows.map((row) => String(row[column] ?? '').length)) + 2,
    ),
  );
  return writeXlsxFile(
    [
      sheet.headings.map((heading) => ({ value: heading, type: String, fontWeight: 'bold' as const })),
      ...sheet.rows.map((row) =>
        row.map((cell) =>
          typeof cell === 'number' ? { value: cell, type: Number } : { value: cell, type: String },
        ),
      ),
    ],
    {
      sheet: sheetName(sheet.name),
      columns: widths.map((width) => ({ width })),
      stickyRowsCount: 1,
      rightToLeft: directionOf(sheet.language) === 'rtl',
    },
  ).toBuffer();
}
