import { discussionSpaceMessage, paperReminderMessage } from '#domain/notices';
import type { Milestone, Plan } from '#domain/plan';
import type { Registrant } from '#domain/registrant';
import { type FocalPoint, interpretationLanguagesOf, type Review } from '#domain/review';
import type { DeliveryRound } from '#store/keys';
import type { Cursor, Page } from '#store/pages';
import { deliverRound, type RemainingTime, type RoundDependencies } from './delivery-round';
import type { Links } from './links';

/**
 * A review's own notices, through the same exactly-once rounds as a meeting's: the discussion space's opening and
 * its last week to the review's confirmed registrants who did not unsubscribe, the analytical paper's reminders to
 * the region's focal points.
 */
export async function deliverReviewNotice(
  deps: RoundDependencies,
  review: Review,
  plan: Plan,
  milestone: Milestone,
  round: DeliveryRound,
  links: Links,
  after: Cursor | undefined,
  remainingMs?: RemainingTime,
) {
  if (milestone.kind === 'paper-reminder') {
    const due = plan.analyticalPaper?.due as string;
    const focalPoints = review.analyticalPaper?.focalPoints ?? [];
    return deliverRound<FocalPoint>(
      deps,
      round,
      (async function* () {
        yield { items: focalPoints };
      })(),
      (focalPoint) => paperReminderMessage(review, due, focalPoint),
    );
  }
  const space = review.discussionSpace;
  if (!space) throw new Error(`review ${review.reviewId} has no discussion space for ${milestone.id}`);
  const languages = space.languages ?? interpretationLanguagesOf(review);
  const which = milestone.kind === 'space-opens' ? 'opens' : 'closing';
  return deliverRound(
    deps,
    round,
    subscribedRegistrants(deps.store.registrants.confirmedPages(review.reviewId, after)),
    (registrant) =>
      discussionSpaceMessage(which, review, space, languages, registrant, {
        manageUrl: links.manage(registrant),
        unsubscribe: links.unsubscribe(review.reviewId, registrant.email),
      }),
    {},
    remainingMs,
  );
}

/** The confirmed registrants who did not unsubscribe from notices, a page at a time. */
export async function* subscribedRegistrants(
  pages: AsyncIterable<Page<Registrant>>,
): AsyncGenerator<Page<Registrant>> {
  for await (const page of pages) yield { ...page, items: page.items.filter((r) => !r.unsubscribedAt) };
}
