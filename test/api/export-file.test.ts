import { describe, expect, it } from 'vitest';
import { exportFile } from '#api/export-file';
import type { Sheet } from '#api/spreadsheet';
import { ValidationError } from '#domain/errors';

const sheet = (rows: number): Sheet => ({
  name: 'Rows',
  headings: ['n'],
  rows: Array.from({ length: rows }, (_, i) => [i + 1]),
  language: 'en',
});

const lines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');

describe('an export file', () => {
  it('is one part holding only the headings when there is no row', async () => {
    const answer = await exportFile(sheet(0), { format: 'csv' }, { filename: 'empty', partRows: 3 });
    expect(answer.headers).toMatchObject({ 'x-export-part': '1', 'x-export-parts': '1' });
    expect(lines(answer.body)).toEqual(['n']);
  });

  it('cuts the rows into parts of the given size, each under the headings', async () => {
    const parts = await Promise.all(
      ['1', '2', '3'].map((part) =>
        exportFile(sheet(7), { format: 'csv', part }, { filename: 'x', partRows: 3 }),
      ),
    );
    expect(parts.map((answer) => lines(answer.body))).toEqual([
      ['n', '1', '2', '3'],
      ['n', '4', '5', '6'],
      ['n', '7'],
    ]);
    expect(parts[2]?.headers?.['content-disposition']).toBe('attachment; filename="x-part-3-of-3.csv"');
  });

  it('refuses a format it does not write, and a part that does not exist', async () => {
    const options = { filename: 'x', partRows: 3 };
    for (const query of [{ format: 'pdf' }, { format: 'csv', part: '0' }, { format: 'csv', part: '4' }])
      await expect(exportFile(sheet(7), query, options)).rejects.toThrow(ValidationError);
  });

  it('sends a workbook in base64, as API Gateway decodes it', async () => {
    const answer = await exportFile(sheet(2), { format: 'xlsx' }, { filename: 'x', partRows: 3 });
    expect(answer.isBase64Encoded).toBe(true);
    expect(Buffer.from(answer.body, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
