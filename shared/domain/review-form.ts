/**
 * The console's review editor form and the review input (`PUT /admin/reviews/{reviewId}`'s JSON) it stands for.
 * The form's field names are the input's own paths (`meetings[0].date`, `leadTimes.reminderDays`), so that each
 * issue the service finds names the field it is about.
 */
import { isDeepStrictEqual } from 'node:util';
import { LANGUAGES, type Language } from '#i18n/languages';
import { formatDateSpec } from './date-spec';
import { defaultMeetingInputs } from './meetings';
import { Region } from './regions';
import { type FocalPoint, LeadTimes, type MeetingInput, REVIEW_KINDS, ReviewInput } from './review';

/** A meeting's one-line fields, in the order the form shows them; its languages are a list of their own. */
const MEETING_TEXT_FIELDS = [
  'id',
  'kind',
  'title',
  'date',
  'startTime',
  'timeZone',
  'durationMinutes',
  'mode',
  'joinUrl',
  'venue',
  'capacity',
  'contact',
] as const;
type MeetingTextField = (typeof MEETING_TEXT_FIELDS)[number];

export type MeetingRow = Partial<Record<MeetingTextField, string>> & { interpretationLanguages: string[] };
export type FocalPointRow = Partial<Record<'email' | 'name' | 'language', string>>;

/** The form as typed: every value a string (or a list of the boxes ticked), nothing converted yet. */
export interface ReviewFormValues {
  /** A new review's id; an existing review's is its address. */
  reviewId?: string;
  /** The version of the review the form was filled from, so that saving over someone else's change is noticed. */
  version?: string;
  kind?: string;
  region?: string;
  regions: string[];
  title?: string;
  cycle?: string;
  date?: string;
  startTime?: string;
  timeZone?: string;
  venue?: string;
  interpretationLanguages: string[];
  organisers?: string;
  audience?: string;
  /** The box "registrations need approval", ticked or not. */
  requiresApproval?: string;
  organisationCap?: string;
  materialsUrl?: string;
  materials: Partial<Record<Language, string>>;
  leadTimes: { invitationDays?: string; materialsDays?: string; reminderDays?: string };
  /**
   * The meetings kept: rows left empty, and rows whose "remove" box is ticked, are not among them. A review that
   * lists none shows the usual ones it holds.
   */
  meetings: MeetingRow[];
  discussionSpace: {
    opens?: string;
    closes?: string;
    url?: string;
    moderators?: string;
    languages: string[];
  };
  analyticalPaper: { weeksBefore?: string; reminderDays?: string; focalPoints: FocalPointRow[] };
}

/** The fields given, without those left undefined. */
const definedOnly = <T extends object>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };

/** A form's one-line field, trimmed; empty as absent. */
const textOf = (form: URLSearchParams) => (name: string) => form.get(name)?.trim() || undefined;

/** A number field: absent when empty, else the number typed (a word stays as typed, for its error to name it). */
const numberOf = (text: string | undefined) =>
  text === undefined ? undefined : Number.isNaN(Number(text)) ? text : Number(text);

/** What the editor's buttons ask: saving changes the review; anything else only previews its plan. */
export const savesReview = (form: URLSearchParams) => form.get('intent') === 'save';

/** The id typed into the new review form. */
export const newReviewIdOf = (form: URLSearchParams) => textOf(form)('reviewId');

/** Days written "7, 1" (commas of any of the six languages, or spaces); "0" is the empty list. */
function daysOf(text: string | undefined): (number | string)[] | undefined {
  if (text === undefined) return undefined;
  if (text === '0') return [];
  return text
    .split(/[\s,;،、，]+/)
    .filter(Boolean)
    .map((day) => numberOf(day) as number | string);
}

const daysText = (days: number[]) => (days.length === 0 ? '0' : days.join(', '));

/** The row numbers a form holds under `prefix` (`meetings[3].kind` is row 3 of `meetings`), in order. */
function rowsOf(form: URLSearchParams, prefix: string): number[] {
  const pattern = new RegExp(`^${prefix}\\[(\\d{1,2})\\]\\.`);
  const rows = new Set<number>();
  for (const name of form.keys()) {
    const match = pattern.exec(name);
    if (match) rows.add(Number(match[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

const hasText = (row: Record<string, unknown>) =>
  Object.values(row).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined));

/** Reads the editor's urlencoded body as typed, trimmed, empty fields absent. */
export function readReviewForm(form: URLSearchParams): ReviewFormValues {
  const text = textOf(form);
  const list = (name: string) => form.getAll(name).filter(Boolean);
  const meetings = rowsOf(form, 'meetings')
    .filter((row) => form.get(`meetings[${row}].remove`) !== 'yes')
    .map((row): MeetingRow => {
      const field = (name: string) => `meetings[${row}].${name}`;
      return {
        ...definedOnly(Object.fromEntries(MEETING_TEXT_FIELDS.map((name) => [name, text(field(name))]))),
        interpretationLanguages: list(field('interpretationLanguages')),
      };
    })
    .filter(hasText);
  // A focal point's language always has a value (a select): an address or a name makes the row.
  const focalPoints = rowsOf(form, 'analyticalPaper.focalPoints')
    .map((row) => {
      const field = (name: string) => text(`analyticalPaper.focalPoints[${row}].${name}`);
      return definedOnly({ email: field('email'), name: field('name'), language: field('language') });
    })
    .filter((row) => row.email !== undefined || row.name !== undefined);
  return {
    ...definedOnly({
      reviewId: newReviewIdOf(form),
      version: text('version'),
      kind: text('kind'),
      region: text('region'),
      title: text('title'),
      cycle: text('cycle'),
      date: text('date'),
      startTime: text('startTime'),
      timeZone: text('timeZone'),
      venue: text('venue'),
      organisers: text('organisers'),
      audience: text('audience'),
      requiresApproval: text('requiresApproval'),
      organisationCap: text('organisationCap'),
      materialsUrl: text('materialsUrl'),
    }),
    regions: list('regions'),
    interpretationLanguages: list('interpretationLanguages'),
    materials: definedOnly(Object.fromEntries(LANGUAGES.map((l) => [l, text(`materials.${l}`)]))),
    leadTimes: definedOnly({
      invitationDays: text('leadTimes.invitationDays'),
      materialsDays: text('leadTimes.materialsDays'),
      reminderDays: text('leadTimes.reminderDays'),
    }),
    meetings,
    discussionSpace: {
      ...definedOnly({
        opens: text('discussionSpace.opens'),
        closes: text('discussionSpace.closes'),
        url: text('discussionSpace.url'),
        moderators: text('discussionSpace.moderators'),
      }),
      languages: list('discussionSpace.languages'),
    },
    analyticalPaper: {
      ...definedOnly({
        weeksBefore: text('analyticalPaper.weeksBefore'),
        reminderDays: text('analyticalPaper.reminderDays'),
      }),
      focalPoints,
    },
  };
}

const listOrAbsent = <T>(items: T[]) => (items.length > 0 ? items : undefined);
/** An object of the input, or none when the form left every one of its fields empty. */
const objectOrAbsent = (fields: Record<string, unknown>) => {
  const given = definedOnly(fields);
  return Object.keys(given).length > 0 ? given : undefined;
};

function meetingInputOf(row: MeetingRow) {
  return definedOnly({
    ...row,
    durationMinutes: numberOf(row.durationMinutes),
    capacity: numberOf(row.capacity),
    interpretationLanguages: listOrAbsent(row.interpretationLanguages),
  });
}

/** The meetings a review of the form's kind and region holds when it lists none. */
function usualMeetings(values: ReviewFormValues): MeetingInput[] {
  const kind = REVIEW_KINDS.find((known) => known === (values.kind ?? 'regional-review'));
  return kind ? defaultMeetingInputs({ kind, region: Region.safeParse(values.region).data }) : [];
}

/**
 * The review input the form stands for, without its id: what the form left empty is absent, for the input's
 * defaults to apply and its checks to name what is missing; numbers and lists of days are read as such, a word
 * kept as typed for its error to name it.
 */
export function reviewInputOf(values: ReviewFormValues): Record<string, unknown> {
  const { discussionSpace: space, analyticalPaper: paper } = values;
  const meetings = values.meetings.map(meetingInputOf);
  // The usual meetings, as the form shows them, are left to the review: they follow its kind and region.
  const usual = isDeepStrictEqual(meetings, usualMeetings(values));
  return definedOnly({
    kind: values.kind,
    region: values.region,
    regions: listOrAbsent(values.regions),
    title: values.title,
    cycle: values.cycle,
    date: values.date,
    venue: values.venue,
    timeZone: values.timeZone,
    materialsUrl: values.materialsUrl,
    materials: objectOrAbsent(values.materials),
    interpretationLanguages: listOrAbsent(values.interpretationLanguages),
    startTime: values.startTime,
    meetings: usual ? undefined : listOrAbsent(meetings),
    leadTimes: objectOrAbsent({
      invitationDays: numberOf(values.leadTimes.invitationDays),
      materialsDays: numberOf(values.leadTimes.materialsDays),
      reminderDays: daysOf(values.leadTimes.reminderDays),
    }),
    organisers: values.organisers,
    audience: values.audience,
    requiresApproval: values.requiresApproval === 'yes' ? true : undefined,
    organisationCap: numberOf(values.organisationCap),
    discussionSpace: objectOrAbsent({
      opens: space.opens,
      closes: space.closes,
      url: space.url,
      moderators: listOrAbsent(
        (space.moderators ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      ),
      languages: listOrAbsent(space.languages),
    }),
    analyticalPaper: objectOrAbsent({
      weeksBefore: numberOf(paper.weeksBefore),
      reminderDays: daysOf(paper.reminderDays),
      focalPoints: listOrAbsent(paper.focalPoints),
    }),
  });
}

const stringOf = (value: number | undefined) => (value === undefined ? undefined : String(value));

function meetingRowOf(meeting: MeetingInput): MeetingRow {
  return {
    ...definedOnly({
      ...meeting,
      date: meeting.date && formatDateSpec(meeting.date),
      durationMinutes: stringOf(meeting.durationMinutes),
      capacity: stringOf(meeting.capacity),
    }),
    interpretationLanguages: meeting.interpretationLanguages ?? [],
  };
}

const focalPointRowOf = (focalPoint: FocalPoint): FocalPointRow => definedOnly({ ...focalPoint });

/** The form filled in with a review as it is kept, its date written back as the secretariat writes it. */
export function reviewFormValues(review: ReviewInput & { version?: number }): ReviewFormValues {
  const { discussionSpace: space, analyticalPaper: paper } = review;
  return {
    ...definedOnly({
      version: stringOf(review.version),
      kind: review.kind,
      region: review.region,
      title: review.title,
      cycle: review.cycle,
      date: formatDateSpec(review.date),
      startTime: review.startTime,
      timeZone: review.timeZone,
      venue: review.venue,
      organisers: review.organisers,
      audience: review.audience,
      requiresApproval: review.requiresApproval ? 'yes' : undefined,
      organisationCap: stringOf(review.organisationCap),
      materialsUrl: review.materialsUrl,
    }),
    regions: review.regions ?? [],
    interpretationLanguages: review.interpretationLanguages ?? [],
    materials: { ...review.materials },
    leadTimes: {
      invitationDays: String(review.leadTimes.invitationDays),
      materialsDays: String(review.leadTimes.materialsDays),
      reminderDays: daysText(review.leadTimes.reminderDays),
    },
    meetings: (review.meetings ?? defaultMeetingInputs(review)).map(meetingRowOf),
    discussionSpace: {
      ...definedOnly({
        opens: space?.opens,
        closes: space?.closes,
        url: space?.url,
        moderators: space?.moderators.join('\n') || undefined,
      }),
      languages: space?.languages ?? [],
    },
    analyticalPaper: paper
      ? {
          weeksBefore: String(paper.weeksBefore),
          reminderDays: daysText(paper.reminderDays),
          focalPoints: paper.focalPoints.map(focalPointRowOf),
        }
      : { focalPoints: [] },
  };
}

/** A new regional review's form: its region chosen when there is one to choose, the usual lead times shown. */
export function newReviewValues(region: Region | undefined): ReviewFormValues {
  const lead = LeadTimes.parse({});
  return {
    ...definedOnly({
      kind: 'regional-review',
      region,
      startTime: ReviewInput.shape.startTime.parse(undefined),
    }),
    regions: [],
    interpretationLanguages: [],
    materials: {},
    leadTimes: {
      invitationDays: String(lead.invitationDays),
      materialsDays: String(lead.materialsDays),
      reminderDays: daysText(lead.reminderDays),
    },
    meetings: [],
    discussionSpace: { languages: [] },
    analyticalPaper: { focalPoints: [] },
  };
}
