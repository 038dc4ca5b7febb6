import type { Contact } from '#domain/contacts';
import { NotFoundError, ValidationError } from '#domain/errors';
import { firingForLog, type InvitationReminderFiring } from '#domain/firing';
import { invitationToRegisterMessage } from '#domain/messages';
import { normalizeEmail } from '#domain/text';
import { nextMinuteButOne } from '#scheduling/job-names';
import type { InvitationReminder } from '#store/invitation-reminders';
import { countsForLog, deliverRound, type RemainingTime, type RoundOutcome } from './delivery-round';
import type { Needs } from './dependencies';
import type { Links } from './links';

/** Whether an invitee is still to be reminded: no registration of the review (of any status), no opt-out. */
async function stillToRegister(deps: Needs<'store'>, reviewId: string, contact: Contact, now: Date) {
  return (
    !(await deps.store.registrants.get(reviewId, contact.email, now)) &&
    !(await deps.store.invitations.optedOut(contact.email))
  );
}

/**
 * How many of the review's invitees a reminder would reach now: read in a few queries and a BatchGetItem of
 * opt-outs per 100 invitees, so that the invitations page answers in time for an upload of 20,000.
 */
export async function inviteesToRemind(deps: Needs<'store'>, reviewId: string, now: Date): Promise<number> {
  const registered = new Set<string>();
  for await (const page of deps.store.registrants.allPages(reviewId, now))
    for (const registrant of page.items) registered.add(normalizeEmail(registrant.email));
  const notRegistered: string[] = [];
  for await (const page of deps.store.invitations.pagesOfReview(reviewId))
    for (const contact of page.items)
      if (!registered.has(normalizeEmail(contact.email))) notRegistered.push(contact.email);
  const optedOut = await deps.store.invitations.optedOutAmong(notRegistered);
  return notRegistered.filter((email) => !optedOut.has(normalizeEmail(email))).length;
}

/** A reminder is named by the minute its round fires: `202703011402`. */
const reminderIdOf = (at: string) => at.slice(0, 16).replace(/\D/g, '');

/**
 * The secretariat reminds the review's invitees who have not registered yet: one email each, in their language,
 * with their personal registration link, sent in a round of its own a minute later. Asked for twice within the
 * same minute (a button pressed twice), it is one reminder.
 */
export async function remindInvitees(
  deps: Needs<'store' | 'scheduler'>,
  reviewId: string | undefined,
  now: Date,
): Promise<InvitationReminder> {
  const { store } = deps;
  const review = reviewId ? await store.reviews.get(reviewId) : undefined;
  if (!review) throw new NotFoundError(`review ${reviewId}`);
  if (review.status !== 'active')
    throw new ValidationError([
      { field: 'reviewId', message: `review ${review.reviewId} is ${review.status}` },
    ]);
  const total = await inviteesToRemind(deps, review.reviewId, now);
  if (total === 0)
    throw new ValidationError([
      { field: 'reviewId', message: 'every invitee has registered or opted out: there is no one to remind' },
    ]);
  const at = nextMinuteButOne(now);
  const reminder: InvitationReminder = {
    reviewId: review.reviewId,
    reminderId: reminderIdOf(at),
    createdAt: now.toISOString(),
    at,
    total,
    sent: 0,
    failed: 0,
  };
  if (!(await store.invitationReminders.create(reminder)))
    return (await store.invitationReminders.get(review.reviewId, reminder.reminderId)) ?? reminder;
  await deps.scheduler
    .scheduleRound(
      { round: 'invitation-reminder', reviewId: review.reviewId, reminderId: reminder.reminderId },
      at,
    )
    .catch((error) => {
      // Already there: the request was retried.
      if ((error as Error).name !== 'ConflictException') throw error;
    });
  return reminder;
}

/**
 * The reminder's round: each invitee still to register once, exactly once however often the job fires, in the
 * language of their invitation. Who registered or opted out since it was asked for is skipped.
 */
export async function runInvitationReminder(
  deps: Needs<'store' | 'mailer' | 'clock' | 'sending' | 'log' | 'metrics'>,
  firing: InvitationReminderFiring,
  links: Links,
  remainingMs?: RemainingTime,
): Promise<RoundOutcome> {
  const { store, log } = deps;
  const [review, reminder] = await Promise.all([
    store.reviews.get(firing.reviewId),
    store.invitationReminders.get(firing.reviewId, firing.reminderId),
  ]);
  if (!review || !reminder)
    throw new NotFoundError(`invitation reminder ${firing.reminderId} of review ${firing.reviewId}`);
  if (review.status !== 'active') {
    log('invitation reminder not sent', { ...firingForLog(firing), reason: `review is ${review.status}` });
    await store.invitationReminders.finish(review.reviewId, reminder.reminderId, deps.clock.now());
    return { status: 'stale', reason: `review is ${review.status}` };
  }
  const counts = await deliverRound(
    deps,
    { reviewId: review.reviewId, milestoneId: `invitation-reminder.${reminder.reminderId}`, at: reminder.at },
    store.invitations.pagesOfReview(review.reviewId, firing.after),
    (contact) =>
      invitationToRegisterMessage(
        review,
        contact,
        links.invitation(review.reviewId, contact),
        links.unsubscribe(review.reviewId, contact.email),
        true,
      ),
    {
      include: (contact) => stillToRegister(deps, review.reviewId, contact, deps.clock.now()),
      onOutcome: (outcome) =>
        store.invitationReminders.countProgress(review.reviewId, reminder.reminderId, outcome),
    },
    remainingMs,
  );
  if (!counts.next)
    await store.invitationReminders.finish(review.reviewId, reminder.reminderId, deps.clock.now());
  log('invitation reminder round', { ...firingForLog(firing), ...countsForLog(counts) });
  return { status: 'done', ...counts };
}
