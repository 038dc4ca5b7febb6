import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * A meeting or review date as the secretariat knows it at the time: exact ("2027-03-11"), exact but to be
 * decided ("8 November 2023 (TBD)"), one of a few days ("8 or 11 March 2024 (TBD)"), a month ("March 2024"), a
 * week of a month ("week 3 of November 2024"), a part of a year ("late 2024") or a year ("2025"). Only an exact,
 * confirmed date can carry milestones; the others still say when, as precisely as is known.
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

const DateSpecObject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exact'), date: isoDate, tentative }),
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
  const missing = result.success ? missingWeek(result.data) : undefined;
  if (result.success && !missing) return result.data;
  if (missing) ctx.addIssue({ code: 'custom', message: missing, path: ['week'] });
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
const TENTATIVE_SUFFIX = /\s*\((?:tbd|tbc|to be decided|to be confirmed|tentative)\)\s*$/i;

const TEXT_FORMS: { pattern: RegExp; build: (m: string[], tentative: boolean) => DateSpec }[] = [
  {
    pattern: /^(\d{4}-\d{2}-\d{2})$/,
    build: ([, date], tentative) => ({ kind: 'exact', date: date as string, tentative }),
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
 * accepted. A trailing "(TBD)" or "(to be decided)" makes the date tentative.
 */
export function parseDateText(text: string): DateSpec | string {
  const trimmed = text.trim();
  const tentative = TENTATIVE_SUFFIX.test(trimmed);
  const body = trimmed.replace(TENTATIVE_SUFFIX, '').replace(/\s+/g, ' ');
  for (const form of TEXT_FORMS) {
    const match = form.pattern.exec(body);
    if (!match) continue;
    const spec = form.build(match as unknown as string[], tentative);
    const invalid = datesOf(spec).find((date) => !DateTime.fromISO(date).isValid);
    if (invalid) return `"${text}" names a day that does not exist`;
    return missingWeek(spec) ? `"${text}" names a week that does not exist` : spec;
  }
  return `"${text}" is not a date this service reads: write e.g. "2027-03-11", "11 March 2027 (TBD)", "8 or 11 March 2027", "March 2027", "week 3 of November 2027", "late 2027" or "2027"`;
}

function monthNumber(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').toLowerCase()) + 1;
}

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A fifth week exists only in months of more than 28 days: February 2027 has none. */
function missingWeek(spec: DateSpec): string | undefined {
  if (spec.kind !== 'week-of-month') return undefined;
  const days = DateTime.utc(spec.year, spec.month, 1).daysInMonth ?? 0;
  return (spec.week - 1) * 7 < days ? undefined : `the month has ${days} days: no week ${spec.week}`;
}

function datesOf(spec: DateSpec): string[] {
  if (spec.kind === 'exact') return [spec.date];
  if (spec.kind === 'one-of') return spec.dates;
  return [];
}

/** The earliest and latest calendar day a spec allows, as YYYY-MM-DD. */
export function dateBounds(spec: DateSpec): { earliest: string; latest: string } {
  switch (spec.kind) {
    case 'exact':
      return { earliest: spec.date, latest: spec.date };
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

/** Why a date cannot carry milestones yet, or the day itself when it can. */
export type Settled = { settled: true; date: string } | { settled: false; reason: 'tentative' | 'imprecise' };

export function settledDate(spec: DateSpec): Settled {
  if (spec.kind !== 'exact') return { settled: false, reason: 'imprecise' };
  if (spec.tentative) return { settled: false, reason: 'tentative' };
  return { settled: true, date: spec.date };
}

/** The single day a spec names, confirmed or not; undefined when it spans several days. */
export function singleDay(spec: DateSpec): string | undefined {
  return spec.kind === 'exact' ? spec.date : undefined;
}

/** The spec in the secretariat's own words, e.g. "8 or 11 March 2024 (TBD)". */
export function formatDateSpec(spec: DateSpec): string {
  const day = (iso: string) => DateTime.fromISO(iso).setLocale('en-GB').toFormat('d MMMM yyyy');
  const monthName = (m: number) => DateTime.utc(2000, m, 1).setLocale('en-GB').toFormat('MMMM');
  const tbd = spec.tentative ? ' (TBD)' : '';
  switch (spec.kind) {
    case 'exact':
      return `${day(spec.date)}${tbd}`;
    case 'one-of': {
      const sorted = [...spec.dates].sort();
      const days = sorted.map((iso) => DateTime.fromISO(iso).day);
      const sameMonth = sorted.every((iso) => iso.slice(0, 7) === sorted[0]?.slice(0, 7));
      const text = sameMonth
        ? `${days.slice(0, -1).join(', ')} or ${days[days.length - 1]} ${DateTime.fromISO(sorted[0] as string)
            .setLocale('en-GB')
            .toFormat('MMMM yyyy')}`
        : `${sorted.slice(0, -1).map(day).join(', ')} or ${day(sorted[sorted.length - 1] as string)}`;
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
