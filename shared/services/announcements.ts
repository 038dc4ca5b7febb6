import {
  type Announcement,
  MeetingOutcome,
  outcomeAnnouncementId,
  PAPER_ANNOUNCEMENT_ID,
  PaperPublication,
} from '#domain/announcement';
import { NotFoundError, parseOrThrow, ValidationError } from '#domain/errors';
import { type AnnouncementFiring, firingForLog } from '#domain/firing';
import { meetingOutcomeMessage, oneOffNoticeMessage, paperPublishedMessage } from '#domain/notices';
import { planReview } from '#domain/plan';
import type { Registrant } from '#domain/registrant';
import { matchesFilter } from '#domain/registrant-filter';
import type { Review } from '#domain/review';
import { nextMinuteButOne } from '#scheduling/job-names';
import type { Cursor, Page } from '#store/pages';
import {
  countsForLog,
  deliverRound,
  type RemainingTime,
  type RoundDependencies,
  type RoundOutcome,
} from './delivery-round';
import type { Needs } from './dependencies';
import type { Links } from './links';
import { attendeesOf } from './milestone-round';
import { subscribedRegistrants } from './review-notices';

type PublishDependencies = Needs<'store' | 'scheduler'>;

export async function activeReview(deps: Needs<'store'>, reviewId: string | undefined): Promise<Review> {
  const review = reviewId ? await deps.store.reviews.get(reviewId) : undefined;
  if (!review) throw new NotFoundError(`review ${reviewId}`);
  if (review.status !== 'active')
    throw new ValidationError([{ field: 'reviewId', message: `review ${reviewId} is cancelled` }]);
  return review;
}

/** Records what is published, then has its readers told a minute later, unless they were told already. */
export async function publish(
  deps: PublishDependencies,
  review: Review,
  announcement: Omit<Announcement, 'told'>,
  now: Date,
): Promise<Announcement[]> {
  await deps.store.announcements.publish(review.reviewId, announcement);
  const published = await deps.store.announcements.list(review.reviewId);
  if (!published.find((a) => a.id === announcement.id)?.told)
    await scheduleAnnouncement(deps, review.reviewId, announcement.id, now);
  return published;
}

async function scheduleAnnouncement(
  deps: Needs<'scheduler'>,
  reviewId: string,
  announcementId: string,
  now: Date,
) {
  await deps.scheduler
    .scheduleRound({ round: 'announcement', reviewId, announcementId }, nextMinuteButOne(now))
    .catch((error) => {
      // Already there: published again before it fired, or the reconcile got there first.
      if ((error as Error).name !== 'ConflictException') throw error;
    });
}

/** `PUT /admin/reviews/{reviewId}/analytical-paper`: the paper is out; the review's registrants are told once. */
export async function publishPaper(
  deps: PublishDependencies,
  reviewId: string | undefined,
  body: unknown,
  now: Date,
) {
  const paper = parseOrThrow(PaperPublication, body);
  const review = await activeReview(deps, reviewId);
  if (review.kind !== 'regional-review')
    throw new ValidationError([
      { field: 'reviewId', message: 'only a regional review has an analytical paper' },
    ]);
  const announcement = {
    id: PAPER_ANNOUNCEMENT_ID,
    kind: 'analytical-paper' as const,
    publishedAt: now.toISOString(),
    ...paper,
  };
  return { announcements: await publish(deps, review, announcement, now) };
}

/**
 * `PUT /admin/reviews/{reviewId}/meetings/{meetingId}/outcome`: after a meeting, its summary report and
 * recording; those who registered for it are told once. Publishing again corrects the links.
 */
export async function publishOutcome(
  deps: PublishDependencies,
  reviewId: string | undefined,
  meetingId: string | undefined,
  body: unknown,
  now: Date,
) {
  const outcome = parseOrThrow(MeetingOutcome, body);
  const review = await activeReview(deps, reviewId);
  const meeting = planReview(review, now).meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new NotFoundError(`meeting ${meetingId} of review ${review.reviewId}`);
  if (!meeting.endsAt || Date.parse(meeting.endsAt) > now.getTime())
    throw new ValidationError([
      {
        field: 'meetingId',
        message: `the ${meeting.id} meeting has not taken place yet${meeting.endsAt ? ` (it ends at ${meeting.endsAt})` : ''}: its outcome is published after it`,
      },
    ]);
  const announcement = {
    id: outcomeAnnouncementId(meeting.id),
    kind: 'meeting-outcome' as const,
    meetingId: meeting.id,
    publishedAt: now.toISOString(),
    ...outcome,
  };
  return { announcements: await publish(deps, review, announcement, now) };
}

/** A one-off message's readers: the confirmed registrants the filter lets through who did not unsubscribe. */
export async function* messageRecipients(
  pages: AsyncIterable<Page<Registrant>>,
  filter: Parameters<typeof matchesFilter>[1],
): AsyncGenerator<Page<Registrant>> {
  for await (const page of subscribedRegistrants(pages))
    yield { ...page, items: page.items.filter((registrant) => matchesFilter(registrant, filter)) };
}

/** What was published about a review, for the admin API and the public pages. */
export async function announcementsOf(deps: Needs<'store'>, reviewId: string): Promise<Announcement[]> {
  return deps.store.announcements.list(reviewId);
}

/** The safety net: an announcement whose round a crash kept from running is scheduled again. */
export async function tellUntoldAnnouncements(deps: PublishDependencies, review: Review, now: Date) {
  if (review.status !== 'active') return;
  for (const announcement of await deps.store.announcements.list(review.reviewId))
    if (!announcement.told) await scheduleAnnouncement(deps, review.reviewId, announcement.id, now);
}

/**
 * Tells an announcement's readers, each once however often it runs: the paper to the review's registrants, a
 * meeting's outcome to those registered for the meeting. Content is read when the round runs, so a correction
 * made before it ran is what they get.
 */
export async function runAnnouncement(
  deps: RoundDependencies,
  firing: AnnouncementFiring,
  links: Links,
  remainingMs?: RemainingTime,
): Promise<RoundOutcome> {
  const review = await deps.store.reviews.get(firing.reviewId);
  const announcement = review
    ? (await deps.store.announcements.list(review.reviewId)).find((a) => a.id === firing.announcementId)
    : undefined;
  const stale = (reason: string): RoundOutcome => {
    deps.log('stale announcement ignored', { ...firingForLog(firing), reason });
    return { status: 'stale', reason };
  };
  if (!review || !announcement) return stale('nothing published');
  if (review.status !== 'active') return stale(`review is ${review.status}`);
  const noticeLinks = (registrant: Registrant) => ({
    manageUrl: links.manage(registrant),
    unsubscribe: links.unsubscribe(review.reviewId, registrant.email),
  });
  const after = firing.after as Cursor | undefined;
  let recipients: AsyncIterable<Page<Registrant>>;
  let compose: (registrant: Registrant) => ReturnType<typeof paperPublishedMessage>;
  if (announcement.kind === 'analytical-paper') {
    recipients = subscribedRegistrants(deps.store.registrants.confirmedPages(review.reviewId, after));
    compose = (registrant) =>
      paperPublishedMessage(review, announcement, registrant, noticeLinks(registrant));
  } else if (announcement.kind === 'message') {
    const { filter } = announcement;
    recipients = messageRecipients(deps.store.registrants.confirmedPages(review.reviewId, after), filter);
    compose = (registrant) => oneOffNoticeMessage(review, announcement, registrant, noticeLinks(registrant));
  } else {
    const meeting = planReview(review, deps.clock.now()).meetings.find(
      (m) => m.id === announcement.meetingId,
    );
    if (!meeting) return stale(`meeting ${announcement.meetingId} no longer planned`);
    recipients = subscribedRegistrants(attendeesOf(deps, review.reviewId, meeting.id, after));
    compose = (registrant) =>
      meetingOutcomeMessage(review, meeting, announcement, registrant, noticeLinks(registrant));
  }
  const counts = await deliverRound(
    deps,
    { reviewId: review.reviewId, milestoneId: `announce.${announcement.id}`, at: 'once' },
    recipients,
    compose,
    {},
    remainingMs,
  );
  if (!counts.next) await deps.store.announcements.markTold(review.reviewId, announcement.id);
  deps.log('announcement round', { ...firingForLog(firing), ...countsForLog(counts) });
  return { status: 'done', ...counts };
}
