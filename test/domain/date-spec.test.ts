import { describe, expect, it } from 'vitest';
import { type DateSpec, DateSpecSchema, dateBounds, formatDateSpec, settledDate } from '#domain/date-spec';

const parse = (input: unknown): DateSpec => DateSpecSchema.parse(input);

describe('date specs: every cell of the seed timeline can be written as it stands', () => {
  const cells: [string, DateSpec, { earliest: string; latest: string }][] = [
    [
      '8 November 2023 (TBD)',
      { kind: 'exact', date: '2023-11-08', tentative: true },
      { earliest: '2023-11-08', latest: '2023-11-08' },
    ],
    [
      '8 or 11 March 2024 (to be decided)',
      { kind: 'one-of', dates: ['2024-03-08', '2024-03-11'], tentative: true },
      { earliest: '2024-03-08', latest: '2024-03-11' },
    ],
    [
      '11 March 2024',
      { kind: 'exact', date: '2024-03-11', tentative: false },
      { earliest: '2024-03-11', latest: '2024-03-11' },
    ],
    [
      'March 2024',
      { kind: 'month', year: 2024, month: 3, tentative: false },
      { earliest: '2024-03-01', latest: '2024-03-31' },
    ],
    [
      'week 3 of November 2024',
      { kind: 'week-of-month', year: 2024, month: 11, week: 3, tentative: false },
      { earliest: '2024-11-15', latest: '2024-11-21' },
    ],
    [
      'late 2024',
      { kind: 'part-of-year', year: 2024, part: 'late', tentative: false },
      { earliest: '2024-09-01', latest: '2024-12-31' },
    ],
    [
      '2025',
      { kind: 'year', year: 2025, tentative: false },
      { earliest: '2025-01-01', latest: '2025-12-31' },
    ],
    [
      '3-4 July 2024',
      { kind: 'range', from: '2024-07-03', to: '2024-07-04', tentative: false },
      { earliest: '2024-07-03', latest: '2024-07-04' },
    ],
    [
      '4-6 February 2025 (TBD)',
      { kind: 'range', from: '2025-02-04', to: '2025-02-06', tentative: true },
      { earliest: '2025-02-04', latest: '2025-02-06' },
    ],
    [
      '30 September - 2 October 2024',
      { kind: 'range', from: '2024-09-30', to: '2024-10-02', tentative: false },
      { earliest: '2024-09-30', latest: '2024-10-02' },
    ],
    [
      '30 December 2024 - 2 January 2025',
      { kind: 'range', from: '2024-12-30', to: '2025-01-02', tentative: false },
      { earliest: '2024-12-30', latest: '2025-01-02' },
    ],
  ];

  it.each(cells)('reads "%s"', (text, spec, bounds) => {
    expect(parse(text)).toEqual(spec);
    expect(dateBounds(spec)).toEqual(bounds);
  });

  it.each(cells)('writes "%s" back in the secretariat’s words', (text, spec) => {
    expect(formatDateSpec(spec)).toBe(text.replace('(to be decided)', '(TBD)'));
  });

  it('takes an ISO date as an exact, confirmed date', () => {
    expect(parse('2027-03-11')).toEqual({ kind: 'exact', date: '2027-03-11', tentative: false });
    expect(settledDate(parse('2027-03-11'))).toEqual({
      settled: true,
      firstDay: '2027-03-11',
      lastDay: '2027-03-11',
    });
  });

  it('takes the structured form too, with defaults', () => {
    expect(parse({ kind: 'month', year: 2024, month: 5 })).toEqual({
      kind: 'month',
      year: 2024,
      month: 5,
      tentative: false,
    });
    expect(parse({ kind: 'one-of', dates: ['2024-03-08', '2024-03-11'] }).tentative).toBe(true);
  });

  it('says why a date carries no milestone', () => {
    expect(settledDate(parse('8 November 2023 (TBD)'))).toEqual({ settled: false, reason: 'tentative' });
    expect(settledDate(parse('late 2024'))).toEqual({ settled: false, reason: 'imprecise' });
  });

  it('keeps week 5 inside its month', () => {
    expect(dateBounds(parse('week 5 of February 2024'))).toEqual({
      earliest: '2024-02-29',
      latest: '2024-02-29',
    });
  });

  it('reads a run of days however its dash is written, or as an ISO interval, and settles on its first and last day', () => {
    const july = { kind: 'range', from: '2024-07-03', to: '2024-07-04', tentative: false };
    for (const text of ['3-4 July 2024', '3–4 July 2024', '3 - 4 july 2024', '2024-07-03/2024-07-04'])
      expect(parse(text)).toEqual(july);
    expect(parse({ kind: 'range', from: '2024-10-09', to: '2024-10-10' })).toMatchObject({
      tentative: false,
    });
    expect(settledDate(parse('9-10 October 2024'))).toEqual({
      settled: true,
      firstDay: '2024-10-09',
      lastDay: '2024-10-10',
    });
    expect(settledDate(parse('3-4 July 2024 (TBD)'))).toEqual({ settled: false, reason: 'tentative' });
  });

  it('refuses a run of days that ends before it begins, or is longer than a month', () => {
    expect(DateSpecSchema.safeParse('4-3 July 2024').error?.issues[0]?.message).toBe(
      '"4-3 July 2024" ends before it begins: write the first day first',
    );
    expect(DateSpecSchema.safeParse('1 July - 15 August 2024').error?.issues[0]?.message).toBe(
      '"1 July - 15 August 2024" is longer than 31 days: write it as a month',
    );
    expect(
      DateSpecSchema.safeParse({ kind: 'range', from: '2024-07-04', to: '2024-07-04' }).error?.issues[0],
    ).toMatchObject({ path: ['to'], message: 'must be after the first day' });
    expect(DateSpecSchema.safeParse('30-31 February 2025').error?.issues[0]?.message).toMatch(
      /does not exist/,
    );
  });

  it('refuses what it cannot read, and says what it accepts', () => {
    const result = DateSpecSchema.safeParse('next spring');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/"next spring" is not a date.*"March 2027"/);
    expect(DateSpecSchema.safeParse('31 February 2027').error?.issues[0]?.message).toMatch(/does not exist/);
    expect(DateSpecSchema.safeParse({ kind: 'exact', date: '2027-13-01' }).success).toBe(false);
    expect(DateSpecSchema.safeParse({ kind: 'one-of', dates: ['2027-03-01'] }).success).toBe(false);
    expect(DateSpecSchema.safeParse('week 5 of February 2027').error?.issues[0]?.message).toBe(
      '"week 5 of February 2027" names a week that does not exist',
    );
    expect(
      DateSpecSchema.safeParse({ kind: 'week-of-month', year: 2027, month: 2, week: 5 }).error?.issues[0],
    ).toMatchObject({ path: ['week'], message: 'the month has 28 days: no week 5' });
  });
});

describe('the seed’s own way of writing a tentative date', () => {
  it('", TBD" after the date makes it tentative, as "(TBD)" does', () => {
    expect(parse('8 or 11 March 2027, TBD')).toEqual(parse('8 or 11 March 2027 (TBD)'));
    expect(parse('11 March 2027, tbc')).toMatchObject({ kind: 'exact', tentative: true });
  });
});
