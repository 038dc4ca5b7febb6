import { randomBytes } from 'node:crypto';
import { readContactList } from '#domain/contacts';
import { NotFoundError, ValidationError } from '#domain/errors';
import { firingForLog, type InvitationRoundFiring } from '#domain/firing';
import { invitationToRegisterMessage } from '#domain/messages';
import { nextMinuteButOne } from '#scheduling/job-names';
import type { ContactImport } from '#store/invitations';
import { countsForLog, deliverRound, type RemainingTime, type RoundOutcome } from './delivery-round';
import type { Needs } from './dependencies';
import { inviteesToRemind } from './invitation-reminders';
import type { Links } from './links';

/**
 * The secretariat invites its contacts to register: each valid, new contact of the uploaded CSV file gets an
 * invitation email with a personal link that opens the form filled in. The upload answers at once with what was
 * refused (line and reason) and skipped (duplicates, addresses already invited or registered); the emails go
 * out in a round of their own a minute later, whose progress the import record counts.
 */
export async function importContacts(
  deps: Needs<'store' | 'scheduler'>,
  reviewId: string | undefined,
  csv: string,
  now: Date,
): Promise<ContactImport> {
  const { store } = deps;
  const review = reviewId ? await store.reviews.get(reviewId) : undefined;
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
    if (await store.registrants.get(review.reviewId, contact.email, now))
      skipped.push({ line, email: contact.email, reason: 'already registered' });
    else if (!(await store.invitations.record(review.reviewId, contact, importId, now)))
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
  await store.invitations.saveImport(record);
  if (total > 0)
    await deps.scheduler.scheduleRound(
      { round: 'invitations', reviewId: review.reviewId, importId },
      nextMinuteButOne(now),
    );
  return record;
}

export async function importProgress(
  deps: Needs<'store'>,
  reviewId: string | undefined,
  importId: string | undefined,
): Promise<ContactImport> {
  const record =
    reviewId && importId ? await deps.store.invitations.getImport(reviewId, importId) : undefined;
  if (!record) throw new NotFoundError(`import ${importId} of review ${reviewId}`);
  return record;
}

/** The console's view of a review's invitations: its uploads and reminders, and whom a reminder would reach now. */
export async function invitationsOverview(deps: Needs<'store'>, reviewId: string, now: Date) {
  const [uploads, reminders, toRemind] = await Promise.all([
    deps.store.invitations.listImports(reviewId),
    deps.store.invitationReminders.list(reviewId),
    inviteesToRemind(deps, reviewId, now),
  ]);
  return { uploads, reminders, toRemind };
}

/** The invitation round itself: each invited contact once, in their language, unless they opted out. */
export async function runInvitationRound(
  deps: Needs<'store' | 'mailer' | 'clock' | 'sending' | 'log'>,
  firing: InvitationRoundFiring,
  links: Links,
  remainingMs?: RemainingTime,
): Promise<RoundOutcome> {
  const { store, log } = deps;
  const [review, record] = await Promise.all([
    store.reviews.get(firing.reviewId),
    store.invitations.getImport(firing.reviewId, firing.importId),
  ]);
  if (!review || !record) throw new NotFoundError(`import ${firing.importId} of review ${firing.reviewId}`);
  if (review.status !== 'active') {
    log('invitation round not sent', { ...firingForLog(firing), reason: `review is ${review.status}` });
    // Nothing more will go out for it: its progress is final.
    await store.invitations.finishImport(review.reviewId, record.importId, deps.clock.now());
    return { status: 'stale', reason: `review is ${review.status}` };
  }
  const counts = await deliverRound(
    deps,
    { reviewId: review.reviewId, milestoneId: `invitations.${record.importId}`, at: record.createdAt },
    store.invitations.pagesOf(review.reviewId, record.importId, firing.after),
    (contact) =>
      invitationToRegisterMessage(
        review,
        contact,
        links.invitation(review.reviewId, contact),
        links.unsubscribe(review.reviewId, contact.email),
      ),
    {
      include: async (contact) => !(await store.invitations.optedOut(contact.email)),
      onOutcome: (outcome) => store.invitations.countProgress(review.reviewId, record.importId, outcome),
    },
    remainingMs,
  );
  if (!counts.next) await store.invitations.finishImport(review.reviewId, record.importId, deps.clock.now());
  log('invitation round', { ...firingForLog(firing), ...countsForLog(counts) });
  return { status: 'done', ...counts };
}
