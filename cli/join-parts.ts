import readXlsxFile from 'read-excel-file/node';
import { xlsxOf } from '#api/spreadsheet';
import type { Language } from '#i18n/languages';

/** An export's CSV parts as one file: the first part whole, the others without their byte order mark and headings. */
export function joinCsvParts(parts: string[]): string {
  return parts
    .map((text, i) => {
      if (i === 0) return text;
      const withoutMark = text.replace(/^\uFEFF/, '');
      // Headings are words of the catalogs, never a line break: the first line is theirs.
      return withoutMark.slice(withoutMark.indexOf('\n') + 1);
    })
    .join('');
}

/** An export's XLSX parts as one workbook: the first part's sheet name and headings, every part's rows. */
export async function joinXlsxParts(parts: Buffer[], language: Language): Promise<Buffer> {
  const sheets = await Promise.all(parts.map(async (part) => (await readXlsxFile(part))[0]));
  const [headings = [], ...firstRows] = sheets[0]?.data ?? [];
  const text = (cell: unknown) => (typeof cell === 'number' ? cell : String(cell ?? ''));
  return xlsxOf({
    name: sheets[0]?.sheet ?? '',
    headings: headings.map((heading) => String(heading ?? '')),
    rows: [...firstRows, ...sheets.slice(1).flatMap((sheet) => sheet?.data.slice(1) ?? [])].map((row) =>
      row.map(text),
    ),
    language,
  });
}
