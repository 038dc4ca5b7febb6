import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { deliveriesCsv } from '#api/deliveries-sheet';

describe('the delivery report as CSV', () => {
  it('has a row per recipient, statuses and headings in the reader’s language, formula-looking details defused', () => {
    const csv = deliveriesCsv(
      [
        {
          recipient: 'leo@example.org',
          status: 'delivered',
          attempts: 1,
          messageId: 'm-1',
          sentAt: '2027-01-01T09:00:00Z',
          eventAt: '2027-01-01T09:00:05Z',
          eventDetail: 'delivered',
        },
        { recipient: 'ana@example.org', status: 'failed', attempts: 3, error: '-ERR mailbox unavailable' },
      ],
      'es',
    );
    const [headings, ...rows] = parse(csv.replace(/^\uFEFF/, '')) as string[][];
    expect(headings).toHaveLength(6);
    expect(rows).toEqual([
      ['leo@example.org', 'Entregado', 'm-1', '2027-01-01T09:00:00Z', '2027-01-01T09:00:05Z', 'delivered'],
      ['ana@example.org', expect.any(String), '', '', '', `'-ERR mailbox unavailable`],
    ]);
  });
});
