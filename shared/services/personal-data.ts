import { NotFoundError } from '#domain/errors';
import { planReview } from '#domain/plan';
import type { Registrant } from '#domain/registrant';
import { purgeDay, purgeIsDue } from '#domain/retention';
import type { Review } from '#domain/review';
import { normalizeEmail } from '#domain/text';
import type { Needs } from './dependencies';
import { registrantScope } from './registrant-actions';
import { cancelConfirmed, holdsOrganisationPlace } from './registration';

/** What each kind of a review's item about a person is called in their data's export. */
const KINDS: [prefix: string, name: string][] = [
  ['REGISTRANT#', 'registration'],
  ['INVITATION#', 'invitation'],
  ['CALENDAR#', 'calendarInvitations'],
  ['WAITLIST#', 'waitingList'],
  ['CONTRIBUTION#', 'contributions'],
];

/** Fields that are the service's own machinery, not data about the person. */
const MACHINERY = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'confirmNonce', 'expiresAt']);

const withoutMachinery = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !MACHINERY.has(name)));

/**
 * Everything the service keeps about one address in one review (the right of access): the registration, the
 * invitation that brought it, the calendar invitations sent, its place in a waiting list, its written
 * contributions, every email of every round with what became of it, whether the address is suppressed, and the
 * changes the secretariat made to the registration.
 */
export async function personalDataOf(deps: Needs<'store'>, review: Review, email: string, now: Date) {
  const { store } = deps;
  const items = await store.personalData.itemsAbout(review.reviewId, email);
  const found: Record<string, Record<string, unknown>[]> = {};
  for (const item of items) {
    const kind = KINDS.find(([prefix]) => item.sk.startsWith(prefix))?.[1];
    if (kind) found[kind] = [...(found[kind] ?? []), withoutMachinery(item)];
  }
  const emails = [];
  for (const round of await store.rounds.list(review.reviewId)) {
    const delivery = await store.personalData.deliveryTo(round, email);
    if (delivery) emails.push({ round: round.milestoneId, at: round.at, ...withoutMachinery(delivery) });
  }
  const history = await store.audit.list(registrantScope(review.reviewId, email));
  if (items.length === 0 && emails.length === 0 && history.length === 0)
    throw new NotFoundError(`anything about ${email} in review ${review.reviewId}`);
  const suppression = await store.suppressions.get(email);
  return {
    exportedAt: now.toISOString(),
    reviewId: review.reviewId,
    email: normalizeEmail(email),
    registration: found.registration?.[0] ?? null,
    invitation: found.invitation?.[0] ?? null,
    calendarInvitations: found.calendarInvitations ?? [],
    waitingList: found.waitingList ?? [],
    contributions: found.contributions ?? [],
    emails,
    suppression: suppression ?? null,
    history,
  };
}

/**
 * Removes every personal item about one address from a review: its deliveries become deliveries to no one (the
 * round's counts stay right), its registration, invitation, calendar and waiting-list records and contributions
 * are deleted, its own audit log is removed and the review's log keeps who changed what, not about whom.
 */
async function forgetAddress(deps: Needs<'store'>, reviewId: string, email: string) {
  const { personalData, rounds } = deps.store;
  let deliveries = 0;
  for (const round of await rounds.list(reviewId))
    if (await personalData.forgetDelivery(round, email)) deliveries++;
  const items = await personalData.itemsAbout(reviewId, email);
  await personalData.deleteAll(items.map(({ pk, sk }) => ({ pk, sk })));
  await personalData.forgetAuditScope(registrantScope(reviewId, email));
  await personalData.forgetAttempts(email);
  await personalData.redactAudit(`review:${reviewId}`, email);
  return { records: items.length, deliveries };
}

/**
 * Erases a person from a review on their request (the secretariat's, or their own from the manage page): a
 * confirmed registration is first cancelled as its holder would (the place goes to the next in line, their
 * calendar's invitations are cancelled, they are told), then everything about them is removed. Whether their
 * address is suppressed (it bounced for good, or they complained) is kept: that protects them from further email.
 */
export async function eraseRegistrant(
  deps: Needs<'store' | 'mailer' | 'log' | 'signingKey' | 'site'>,
  review: Review,
  email: string | undefined,
  now: Date,
) {
  const registrant: Registrant | undefined = email
    ? await deps.store.registrants.get(review.reviewId, email, now)
    : undefined;
  const items = email ? await deps.store.personalData.itemsAbout(review.reviewId, email) : [];
  if (!email || (!registrant && items.length === 0))
    throw new NotFoundError(`anything about ${email} in review ${review.reviewId}`);
  if (registrant?.status === 'confirmed')
    await cancelConfirmed(deps, review, planReview(review, now), registrant, now);
  if (registrant?.status === 'awaiting-approval' && holdsOrganisationPlace(review, registrant))
    await deps.store.organisations.release(review.reviewId, registrant.organisation as string);
  const erased = await forgetAddress(deps, review.reviewId, email);
  deps.log('personal data erased', { reviewId: review.reviewId, ...erased });
  return { erased: true, ...erased };
}

/** When a review's personal data is purged, and whether it was. */
export function retentionOf(deps: Needs<'retention'>, review: Review, now: Date) {
  const months = deps.retention.purgeAfterMonths;
  return {
    months,
    purgeOn: purgeDay(review, planReview(review, now), months),
    ...(review.purgedAt ? { purgedAt: review.purgedAt } : {}),
  };
}

/**
 * The retention's end: once a review is `purgeAfterMonths` past, the personal data of everyone in it is removed
 * (registrations, invitations, uploads, calendars, waiting lists, contributions, their audit logs), each round of
 * emails keeps its counts only, and the review is marked purged. The hourly reconcile runs it; every step can be
 * run again, so a purge cut short goes on at the next hour.
 */
export async function purgeReviewIfDue(
  deps: Needs<'store' | 'retention' | 'log'>,
  review: Review,
  now: Date,
) {
  if (review.purgedAt || !purgeIsDue(review, planReview(review, now), deps.retention.purgeAfterMonths, now))
    return false;
  const { personalData, rounds } = deps.store;
  for (const round of await rounds.list(review.reviewId)) await personalData.summarizeRound(round);
  const { keys, addresses } = await personalData.personalItems(review.reviewId);
  for (const address of addresses) {
    await personalData.forgetAuditScope(registrantScope(review.reviewId, address));
    await personalData.forgetAttempts(address);
  }
  await personalData.deleteAll(keys);
  await personalData.redactAudit(`review:${review.reviewId}`, undefined);
  await deps.store.reviews.markPurged(review.reviewId, now);
  deps.log('review personal data purged', { reviewId: review.reviewId, records: keys.length });
  return true;
}

/** Every review whose retention ended, purged; one that fails is logged and the others go on. */
export async function purgeDueReviews(deps: Needs<'store' | 'retention' | 'log'>, now: Date) {
  let purged = 0;
  let failed = 0;
  for (const review of await deps.store.reviews.list())
    try {
      if (await purgeReviewIfDue(deps, review, now)) purged++;
    } catch (error) {
      failed++;
      deps.log.error('purge failed', { reviewId: review.reviewId, error: (error as Error).message });
    }
  return { purged, failed };
}
