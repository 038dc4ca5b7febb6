import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { type ListedRegistrant, registrantsSheet } from '#api/registrants-sheet';
import { csvOf, xlsxOf } from '#api/spreadsheet';

const LAYLA: ListedRegistrant = {
  reviewId: 'arab',
  email: 'layla@example.org',
  name: '=HYPERLINK("https://example.org","x")',
  organisation: 'شبكة, "المهاجرين"',
  stakeholderGroup: 'civil-society',
  country: 'LB',
  language: 'ar',
  attendanceMode: 'in-person',
  status: 'confirmed',
  seat: 'waitlisted',
  createdAt: '2027-01-01T00:00:00Z',
};

const ARABIC_ROW = [
  'layla@example.org',
  'شبكة, "المهاجرين"',
  expect.any(String),
  'لبنان',
  'العربية',
  'حضوريًا',
  '',
  expect.any(String),
  expect.any(String),
  '',
  '2027-01-01T00:00:00Z',
];

describe('the registrants export', () => {
  it('writes headings and values in the console’s language, and defuses CSV cells a spreadsheet would run', () => {
    const csv = csvOf(registrantsSheet([LAYLA], 'ar'));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [headings, row] = parse(csv.slice(1)) as string[][];
    expect(headings?.[0]).toBe('الاسم الكامل');
    expect(row).toEqual([`'=HYPERLINK("https://example.org","x")`, ...ARABIC_ROW]);
  });

  it('writes the same sheet as XLSX: formula-looking text as text, right to left in Arabic', async () => {
    const workbook = await xlsxOf(registrantsSheet([LAYLA], 'ar'));
    const [sheet] = await readXlsxFile(workbook);
    expect(sheet?.sheet).toBe('المسجَّلون');
    const [headings, row] = sheet?.data ?? [];
    expect(headings?.[0]).toBe('الاسم الكامل');
    // Empty cells read back as null; the name is the text as written, no apostrophe, since the cell is typed.
    expect(row?.map((cell) => cell ?? '')).toEqual(['=HYPERLINK("https://example.org","x")', ...ARABIC_ROW]);
    const files = unzipSync(workbook);
    const xml = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(xml).toContain('rightToLeft="1"');
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it('keeps English sheets left to right', async () => {
    const workbook = await xlsxOf(registrantsSheet([{ ...LAYLA, language: 'en' }], 'en'));
    const xml = strFromU8(unzipSync(workbook)['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(xml).not.toContain('rightToLeft="1"');
    expect((await readXlsxFile(workbook))[0]?.data[0]?.[0]).toBe('Full name');
  });
});
