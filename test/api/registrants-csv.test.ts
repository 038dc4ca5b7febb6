import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { registrantsCsv } from '#api/registrants-csv';

describe('the registrants export', () => {
  it('writes headings and values in the console’s language, and defuses cells a spreadsheet would run', () => {
    const csv = registrantsCsv(
      [
        {
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
        },
      ],
      'ar',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [headings, row] = parse(csv.slice(1)) as string[][];
    expect(headings?.[0]).toBe('الاسم الكامل');
    expect(row).toEqual([
      `'=HYPERLINK("https://example.org","x")`,
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
    ]);
  });
});
