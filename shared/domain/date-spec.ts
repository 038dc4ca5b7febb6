import { DateTime } from 'luxon';
import * as z from 'zod';

/**
 * A meeting or review date as the secretariat knows it at the time: exact ("2027-03-11"), exact but to be
 * decided ("8 November 2023 (TBD)"), a run of days ("3-4 July 2024"), one of a few days ("8 or 11 March 2024
 * (TBD)"), a month ("March 2024"), a week of a month ("week 3 of November 2024"), a part of a year ("late 2024")
 * or a year ("2025"). Only days known exactly and confirmed (an exact date or a run of days) can carry milestones;
 * the others still say when, as precisely as is known.
 *
 * Input may be this object or its text form (see `parseDateText`); the seed's timeline gives the year in its
 * heading ("2023-2024"), so a cell is written with its year: "March 2024".
 */
const isoDate = z.iso.date({ error: 'must be a calendar date written YYYY-MM-DD' });
const tentative = z.boolean().default(false);
const year = z.number().int().min(2000).max(2100);
const month = z.number().int().min(1).max(12);

export const PARTS_OF_YEAR = ['early', 'mid', 'late'] as const;
/** "Late 2024" read as its last third: September to December. */
const PART_MONTHS = {
  early: { from: 1, to: 4 },
  mid: { from: 5, to: 8 },
  late: { from: 9, to: 12 },
} as const;

/** A review or a conference runs a few days; a month-long "range" is an imprecise date, written as a month. */
const MAX_RANGE_DAYS = 31;

const DateSpecObject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exact'), date: isoDate, tentative }),
  z.object({ kind: z.literal('range'), from: isoDate, to: isoDate, tentative }),
  z.object({
    kind: z.literal('one-of'),
    dates: z.array(isoDate).min(2, 'lists at least two candidate dates'),
    tentative: z.boolean().default(true),
  }),
  z.object({ kind: z.literal('month'), year, month, tentative }),
  z.object({
    kind: z.literal('week-of-month'),
    year,
    month,
    week: z.number().int().min(1).max(5),
    tentative,
  }),
  z.object({ kind: z.literal('part-of-year'), year, part: z.enum(PARTS_OF_YEAR), tentative }),
  z.object({ kind: z.literal('year'), year, tentative }),
]);

export type DateSpec = z.infer<typeof DateSpecObject>;

/** Text (see `parseDateText`) or the object form; errors name the exact sub-field that is wrong. */
export const DateSpecSchema: z.ZodType<DateSpec, unknown> = z.unknown().transform((input, ctx) => {
  if (typeof input === 'string') {
    const parsed = parseDateText(input);
    if (typeof parsed !== 'string') return parsed;
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  const result = DateSpecObject.safeParse(input);
  const problem = result.success ? problemOf(result.data) : undefined;
  if (result.success && !problem) return result.data;
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
  for (const issue of result.error?.issues ?? [])
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = `(${MONTHS.join('|')})`;
/** A hyphen, an en dash or an em dash between the ends of a range, spaced or not. */
const DASH = '\\s*[-\u2013\u2014]\\s*';
// "(TBD)", or as the seed's timeline writes it, ", TBD".
const TENTATIVE_SUFFIX =
  /(?:\s*\((?:tbd|tbc|to be decided|to be confirmed|tentative)\)|\s*,\s*(?:tbd|tbc))\s*$/i;

const TEXT_FORMS: { pattern: RegExp; build: (m: string[], tentative: boolean) => DateSpec }[] = [
  {
    pattern: /^(\d{4}-\d{2}-\d{2})$/,
    build: ([, date], tentative) => ({ kind: 'exact', date: date as string, tentative }),
  },
  {
    // An ISO 8601 interval of dates: "2024-07-03/2024-07-04".
    pattern: /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/,
    build: ([, from, to], tentative) => ({
      kind: 'range',
      from: from as string,
      to: to as string,
      tentative,
    }),
  },
  {
    pattern: new RegExp(`^(\\d{1,2}) ${MONTH} (\\d{4})$`, 'i'),
    build: ([, day, name, y], tentative) => ({
      kind: 'exact',
      date: isoOf(Number(y), monthNumber(name), Number(day)),
      tentative,
    }),
  },
  {
    // "3-4 July 2024"
    pattern: new RegExp(`^(\\d{1,2})${DASH}(\\d{1,2}) ${MONTH} (\\d{4})$`, 'i'),
    build: ([, first, last, name, y], tentative) => ({
      kind: 'range',
      from: isoOf(Number(y), monthNumber(name), Number(first)),
      to: isoOf(Number(y), monthNumber(name), Number(last)),
      tentative,
    }),
  },
  {
    // "30 September - 2 October 2024"
    pattern: new RegExp(`^(\\d{1,2}) ${MONTH}${DASH}(\\d{1,2}) ${MONTH} (\\d{4})$`, 'i'),
    build: ([, first, firstMonth, last, lastMonth, y], tentative) => ({
      kind: 'range',
      from: isoOf(Number(y), monthNumber(firstMonth), Number(first)),
      to: isoOf(Number(y), monthNumber(lastMonth), Number(last)),
      tentative,
    }),
  },
  {
    // "30 December 2024 - 2 January 2025"
    pattern: new RegExp(`^(\\d{1,2}) ${MONTH} (\\d{4})${DASH}(\\d{1,2}) ${MONTH} (\\d{4})$`, 'i'),
    build: ([, first, firstMonth, firstYear, last, lastMonth, lastYear], tentative) => ({
      kind: 'range',
      from: isoOf(Number(firstYear), monthNumber(firstMonth), Number(first)),
      to: isoOf(Number(lastYear), monthNumber(lastMonth), Number(last)),
      tentative,
    }),
  },
  {
    pattern: new RegExp(`^((?:\\d{1,2}, )*\\d{1,2}) or (\\d{1,2}) ${MONTH} (\\d{4})$`, 'i'),
    build: ([, days, last, name, y]) => ({
      kind: 'one-of',
      dates: [...(days as string).split(', '), last as string].map((day) =>
        isoOf(Number(y), monthNumber(name), Number(day)),
      ),
      tentative: true,
    }),
  },
  {
    pattern: new RegExp(`^week ([1-5]) of ${MONTH} (\\d{4})$`, 'i'),
    build: ([, week, name, y], tentative) => ({
      kind: 'week-of-month',
      year: Number(y),
      month: monthNumber(name),
      week: Number(week),
      tentative,
    }),
  },
  {
    pattern: new RegExp(`^${MONTH} (\\d{4})$`, 'i'),
    build: ([, name, y], tentative) => ({
      kind: 'month',
      year: Number(y),
      month: monthNumber(name),
      tentative,
    }),
  },
  {
    pattern: /^(early|mid|late) (\d{4})$/i,
    build: ([, part, y], tentative) => ({
      kind: 'part-of-year',
      year: Number(y),
      part: (part as string).toLowerCase() as (typeof PARTS_OF_YEAR)[number],
      tentative,
    }),
  },
  { pattern: /^(\d{4})$/, build: ([, y], tentative) => ({ kind: 'year', year: Number(y), tentative }) },
];

/**
 * Reads the forms the secretariat writes in its timelines. Returns the spec, or a message saying what is
 * accepted. A trailing "(TBD)", "(to be decided)" or ", TBD" makes the date tentative.
 */
export function parseDateText(text: string): DateSpec | string {
  const trimmed = text.trim();
  const tentative = TENTATIVE_SUFFIX.test(trimmed);
  const body = trimmed.replace(TENTATIVE_SUFFIX, '').replace(/\s+/g, ' ');
  for (const form of TEXT_FORMS) {
    const match = form.pattern.exec(body);
    if (!match) continue;
    const spec = form.build(match as unknown as string[], tentative);
    const problem = problemOf(spec);
    return problem ? `"${text}" ${problem.inText}` : spec;
  }
  return `"${text}" is not a date this service reads: write e.g. "2027-03-11", "11 March 2027 (TBD)", "3-4 March 2027", "8 or 11 March 2027", "March 2027", "week 3 of November 2027", "late 2027" or "2027"`;
}

/** What is wrong with a well-formed spec: a day or a week that does not exist, a run of days backwards. */
function problemOf(spec: DateSpec): { field: string; message: string; inText: string } | undefined {
  const missing = datesOf(spec).find((date) => !DateTime.fromISO(date).isValid);
  if (missing)
    return { field: 'date', message: `${missing} does not exist`, inText: 'names a day that does not exist' };
  if (spec.kind === 'range') {
    const days = DateTime.fromISO(spec.to).diff(DateTime.fromISO(spec.from), 'days').days;
    if (days <= 0)
      return {
        field: 'to',
        message: 'must be after the first day',
        inText: 'ends before it begins: write the first day first',
      };
    if (days >= MAX_RANGE_DAYS)
      return {
        field: 'to',
        message: `a run of days is at most ${MAX_RANGE_DAYS} days long; write a longer period as a month`,
        inText: `is longer than ${MAX_RANGE_DAYS} days: write it as a month`,
      };
  }
  if (spec.kind === 'week-of-month') {
    const days = DateTime.utc(spec.year, spec.month, 1).daysInMonth ?? 0;
    if ((spec.week - 1) * 7 >= days)
      return {
        field: 'week',
        message: `the month has ${days} days: no week ${spec.week}`,
        inText: 'names a week that does not exist',
      };
  }
  return undefined;
}

function monthNumber(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').toLowerCase()) + 1;
}

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function datesOf(spec: DateSpec): string[] {
  if (spec.kind === 'exact') return [spec.date];
  if (spec.kind === 'range') return [spec.from, spec.to];
  if (spec.kind === 'one-of') return spec.dates;
  return [];
}

/** The earliest and latest calendar day a spec allows, as YYYY-MM-DD. */
export function dateBounds(spec: DateSpec): { earliest: string; latest: string } {
  switch (spec.kind) {
    case 'exact':
      return { earliest: spec.date, latest: spec.date };
    case 'range':
      return { earliest: spec.from, latest: spec.to };
    case 'one-of': {
      const sorted = [...spec.dates].sort();
      return { earliest: sorted[0] as string, latest: sorted[sorted.length - 1] as string };
    }
    case 'month': {
      const first = DateTime.utc(spec.year, spec.month, 1);
      return { earliest: first.toISODate() as string, latest: first.endOf('month').toISODate() as string };
    }
    case 'week-of-month': {
      // "Week 3 of November" read as the month's third run of seven days (15-21): no weekday convention is
      // implied by the secretariat's wording, and this reading never spills into the next month.
      const first = DateTime.utc(spec.year, spec.month, 1);
      const start = first.plus({ days: (spec.week - 1) * 7 });
      const end = DateTime.min(start.plus({ days: 6 }), first.endOf('month').startOf('day'));
      return { earliest: start.toISODate() as string, latest: end.toISODate() as string };
    }
    case 'part-of-year': {
      const { from, to } = PART_MONTHS[spec.part];
      return {
        earliest: DateTime.utc(spec.year, from, 1).toISODate() as string,
        latest: DateTime.utc(spec.year, to, 1).endOf('month').toISODate() as string,
      };
    }
    case 'year':
      return { earliest: `${spec.year}-01-01`, latest: `${spec.year}-12-31` };
  }
}

/** Why a date cannot carry milestones yet, or its days when it can. */
export type Settled =
  | { settled: true; firstDay: string; lastDay: string }
  | { settled: false; reason: 'tentative' | 'imprecise' };

export function settledDate(spec: DateSpec): Settled {
  const days = knownDays(spec);
  if (!days) return { settled: false, reason: 'imprecise' };
  if (spec.tentative) return { settled: false, reason: 'tentative' };
  return { settled: true, ...days };
}

/** The first and last day a spec names when it names days exactly (confirmed or not): an exact date or a run. */
export function knownDays(spec: DateSpec): { firstDay: string; lastDay: string } | undefined {
  if (spec.kind === 'exact') return { firstDay: spec.date, lastDay: spec.date };
  if (spec.kind === 'range') return { firstDay: spec.from, lastDay: spec.to };
  return undefined;
}

const dayMonthYear = (iso: string) => DateTime.fromISO(iso).setLocale('en-GB').toFormat('d MMMM yyyy');

/** The spec in the secretariat's own words, as this service reads them back, e.g. "8 or 11 March 2024 (TBD)". */
export function formatDateSpec(spec: DateSpec): string {
  const monthName = (m: number) => DateTime.utc(2000, m, 1).setLocale('en-GB').toFormat('MMMM');
  const tbd = spec.tentative ? ' (TBD)' : '';
  switch (spec.kind) {
    case 'exact':
      return `${dayMonthYear(spec.date)}${tbd}`;
    case 'range':
      return `${rangeText(spec.from, spec.to)}${tbd}`;
    case 'one-of': {
      const sorted = [...spec.dates].sort();
      const days = sorted.map((iso) => DateTime.fromISO(iso).day);
      const sameMonth = sorted.every((iso) => iso.slice(0, 7) === sorted[0]?.slice(0, 7));
      const text = sameMonth
        ? `${days.slice(0, -1).join(', ')} or ${days[days.length - 1]} ${DateTime.fromISO(sorted[0] as string)
            .setLocale('en-GB')
            .toFormat('MMMM yyyy')}`
        : `${sorted.slice(0, -1).map(dayMonthYear).join(', ')} or ${dayMonthYear(sorted[sorted.length - 1] as string)}`;
      return `${text}${tbd}`;
    }
    case 'month':
      return `${monthName(spec.month)} ${spec.year}${tbd}`;
    case 'week-of-month':
      return `week ${spec.week} of ${monthName(spec.month)} ${spec.year}${tbd}`;
    case 'part-of-year':
      return `${spec.part} ${spec.year}${tbd}`;
    case 'year':
      return `${spec.year}${tbd}`;
  }
}

/** "3-4 July 2024", "30 September - 2 October 2024", "30 December 2024 - 2 January 2025". */
function rangeText(from: string, to: string): string {
  const [first, last] = [DateTime.fromISO(from), DateTime.fromISO(to)];
  if (first.year !== last.year) return `${dayMonthYear(from)} - ${dayMonthYear(to)}`;
  if (first.month !== last.month)
    return `${first.setLocale('en-GB').toFormat('d MMMM')} - ${dayMonthYear(to)}`;
  return `${first.day}-${dayMonthYear(to)}`;
}
