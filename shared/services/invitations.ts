import { randomBytes } from 'node:crypto';
import { readContactList } from '../domain/contacts';
import { NotFoundError, ValidationError } from '../domain/errors';
import type { InvitationRoundFiring } from '../domain/firing';
import { invitationToRegisterMessage } from '../domain/messages';
import { nextMinuteButOne, type SchedulingTarget, scheduleRound } from '../scheduling/review-schedules';
import {
  type ContactImport,
  countImportProgress,
  getImport,
  invitationsOf,
  optedOutOfInvitations,
  recordInvitation,
  saveImport,
} from '../store/invitations';
import type { Cursor } from '../store/pages';
import { getRegistrant } from '../store/registrants';
import { getReview } from '../store/reviews';
import { deliverRound, type RoundCounts, type RoundOptions } from './delivery-round';
import type { Links } from './mailer';

/**
 * The secretariat invites its contacts to register: each valid, new contact of the uploaded CSV file gets an
 * invitation email with a personal link that opens the form filled in. The upload answers at once with what was
 * refused (line and reason) and skipped (duplicates, addresses already invited or registered); the emails go
 * out in a round of their own a minute later, whose progress the import record counts.
 */
export async function importContacts(
  target: SchedulingTarget,
  reviewId: string | undefined,
  csv: string,
  now: Date,
): Promise<ContactImport> {
  const review = reviewId ? await getReview(reviewId) : undefined;
  if (!review) throw new NotFoundError(`review ${reviewId}`);
  if (review.status !== 'active')
    throw new ValidationError([
      { field: 'reviewId', message: `review ${review.reviewId} is ${review.status}` },
    ]);
  const list = readContactList(csv);
  const importId = randomBytes(6).toString('hex');
  const skipped: ContactImport['skipped'] = list.duplicates.map(({ line, email, firstLine }) => ({
    line,
    email,
    reason: `duplicate of line ${firstLine}`,
  }));
  let total = 0;
  for (const { line, contact } of list.contacts) {
    if (await getRegistrant(review.reviewId, contact.email, now))
      skipped.push({ line, email: contact.email, reason: 'already registered' });
    else if (!(await recordInvitation(review.reviewId, contact, importId, now)))
      skipped.push({ line, email: contact.email, reason: 'already invited' });
    else total++;
  }
  const record: ContactImport = {
    reviewId: review.reviewId,
    importId,
    createdAt: now.toISOString(),
    total,
    sent: 0,
    failed: 0,
    invalid: list.invalid,
    skipped: skipped.sort((a, b) => a.line - b.line),
  };
  await saveImport(record);
  if (total > 0)
    await scheduleRound(
      target,
      { round: 'invitations', reviewId: review.reviewId, importId },
      nextMinuteButOne(now),
    );
  return record;
}

export async function importProgress(reviewId: string | undefined, importId: string | undefined) {
  const record = reviewId && importId ? await getImport(reviewId, importId) : undefined;
  if (!record) throw new NotFoundError(`import ${importId} of review ${reviewId}`);
  return record;
}

/** The invitation round itself: each invited contact once, in their language, unless they opted out. */
export async function runInvitationRound(
  firing: InvitationRoundFiring,
  log: (message: string, detail?: Record<string, unknown>) => void,
  links: Links,
  options: RoundOptions,
): Promise<(RoundCounts & { status: 'done'; next?: Cursor }) | { status: 'stale'; reason: string }> {
  const [review, record] = await Promise.all([
    getReview(firing.reviewId),
    getImport(firing.reviewId, firing.importId),
  ]);
  if (!review || !record) throw new NotFoundError(`import ${firing.importId} of review ${firing.reviewId}`);
  if (review.status !== 'active') {
    log('invitation round not sent', { ...firing, reason: `review is ${review.status}` });
    return { status: 'stale', reason: `review is ${review.status}` };
  }
  const counts = await deliverRound(
    { reviewId: review.reviewId, milestoneId: `invitations.${record.importId}`, at: record.createdAt },
    invitationsOf(review.reviewId, record.importId, firing.after),
    (contact) =>
      invitationToRegisterMessage(
        review,
        contact,
        links.invitation(review.reviewId, contact),
        links.unsubscribe(review.reviewId, contact.email),
      ),
    options,
    {
      include: async (contact) => !(await optedOutOfInvitations(contact.email)),
      onOutcome: (outcome) => countImportProgress(review.reviewId, record.importId, outcome),
    },
  );
  log('invitation round', { ...firing, ...counts });
  return { status: 'done', ...counts };
}
