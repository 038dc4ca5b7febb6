import type { MeetingOutcome } from '#domain/announcement';
import type { DateSpec } from '#domain/date-spec';
import { dateBounds, formatDateSpec } from '#domain/date-spec';
import { type PlannedMeeting, planReview } from '#domain/plan';
import type { Region } from '#domain/regions';
import { type Review, type ReviewKind, regionsOf } from '#domain/review';
import type { Language } from '#i18n/languages';
import type { Needs } from './dependencies';

/** A review (or a global consultation) as the public sees it: when, and each meeting as far as its date is known. */
export interface PublicReview {
  reviewId: string;
  kind: ReviewKind;
  region?: Region;
  regions: Region[];
  title?: string;
  cycle?: string;
  date: DateSpec;
  dateText: string;
  venue?: string;
  meetings: PlannedMeeting[];
  /** Each confirmed meeting's calendar SEQUENCE: how many times it moved. */
  sequences: Record<string, number>;
  organisers?: string;
  audience?: string;
  /** The region's discussion space, and whether it is open now. */
  discussionSpace?: { url: string; opens: string; closes: string; open: boolean };
  /** The analytical paper, once published: its link in each language it exists in. */
  paper?: Partial<Record<Language, string>>;
  /** Per meeting, its summary report and recording once published. */
  outcomes: Record<string, MeetingOutcome>;
}

/** A GCM Talk as its public listing shows it: whether registration is still open (until it ends). */
export interface PublicTalk extends PublicReview {
  registrationOpen: boolean;
}

/** One round of reviews: its reviews, the other rounds there are, and when any of its reviews last changed. */
export interface Timeline {
  cycle: string | null;
  cycles: (string | null)[];
  asOf: string | null;
  reviews: PublicReview[];
}

const cycleOf = (review: Review) => review.cycle ?? null;

/**
 * The public timeline of a round of reviews (`cycle`; an empty one for the reviews of no round), or of the current
 * one: the round of the latest review. Cancelled reviews are left out; each review's meetings are planned as of
 * `now`.
 */
export async function cycleTimeline(
  deps: Needs<'store'>,
  cycle: string | undefined,
  now: Date,
): Promise<Timeline> {
  const reviews = (await deps.store.reviews.list()).filter((review) => review.status === 'active');
  const latestFirst = [...reviews].sort((a, b) =>
    dateBounds(b.date).latest.localeCompare(dateBounds(a.date).latest),
  );
  const cycles = [...new Set(latestFirst.map(cycleOf))];
  const asked = cycle === undefined ? undefined : cycles.find((c) => (c ?? '') === cycle);
  const current = asked !== undefined ? asked : (cycles[0] ?? null);
  const shown = reviews
    .filter((review) => cycleOf(review) === current)
    .sort((a, b) => dateBounds(a.date).earliest.localeCompare(dateBounds(b.date).earliest));
  return {
    cycle: current,
    cycles,
    asOf:
      shown
        .map((review) => review.updatedAt)
        .sort()
        .at(-1) ?? null,
    reviews: await Promise.all(shown.map((review) => publicReview(deps, review, now))),
  };
}

/** Every GCM Talk still held, in date order, with its outcome after it. */
export async function publicTalks(deps: Needs<'store'>, now: Date): Promise<PublicTalk[]> {
  const talks = (await deps.store.reviews.list())
    .filter((review) => review.status === 'active' && review.kind === 'gcm-talk')
    .sort((a, b) => dateBounds(a.date).earliest.localeCompare(dateBounds(b.date).earliest));
  return Promise.all(
    talks.map(async (talk) => {
      const shown = await publicReview(deps, talk, now);
      const ends = shown.meetings[0]?.endsAt;
      return { ...shown, registrationOpen: !ends || Date.parse(ends) > now.getTime() };
    }),
  );
}

/** Every review still held, for the calendar feeds. */
export async function heldReviews(deps: Needs<'store'>, now: Date): Promise<PublicReview[]> {
  const reviews = await deps.store.reviews.list();
  return Promise.all(
    reviews.filter((review) => review.status === 'active').map((review) => publicReview(deps, review, now)),
  );
}

async function publicReview(deps: Needs<'store'>, review: Review, now: Date): Promise<PublicReview> {
  const announcements = await deps.store.announcements.list(review.reviewId);
  const paper = announcements.find((a) => a.kind === 'analytical-paper');
  const space = review.discussionSpace;
  const today = now.toISOString().slice(0, 10);
  return {
    reviewId: review.reviewId,
    kind: review.kind,
    ...(review.region ? { region: review.region } : {}),
    regions: regionsOf(review),
    ...(review.title ? { title: review.title } : {}),
    ...(review.cycle ? { cycle: review.cycle } : {}),
    date: review.date,
    dateText: formatDateSpec(review.date),
    ...(review.venue ? { venue: review.venue } : {}),
    meetings: planReview(review, now).meetings,
    sequences: Object.fromEntries(
      Object.entries(review.calendar ?? {}).map(([id, entry]) => [id, entry.sequence]),
    ),
    ...(review.organisers ? { organisers: review.organisers } : {}),
    ...(review.audience ? { audience: review.audience } : {}),
    ...(space
      ? {
          discussionSpace: {
            url: space.url,
            opens: space.opens,
            closes: space.closes,
            open: space.opens <= today && today <= space.closes,
          },
        }
      : {}),
    ...(paper ? { paper: paper.links } : {}),
    outcomes: Object.fromEntries(
      announcements.flatMap((a) =>
        a.kind === 'meeting-outcome'
          ? [[a.meetingId, { summaryUrl: a.summaryUrl, recordingUrl: a.recordingUrl }]]
          : [],
      ),
    ),
  };
}
