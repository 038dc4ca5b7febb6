import { randomBytes } from 'node:crypto';
import { LISTED_ROWS, readContactList } from '#domain/contacts';
import { NotFoundError, ValidationError } from '#domain/errors';
import { firingForLog, type InvitationRoundFiring } from '#domain/firing';
import { invitationToRegisterMessage } from '#domain/messages';
import { nextMinuteButOne } from '#scheduling/job-names';
import type { ContactImport } from '#store/invitations';
import type { PageRequest } from '#store/pages';
import { partsOf } from '#store/upload-rows';
import { countsForLog, deliverRound, type RemainingTime, type RoundOutcome } from './delivery-round';
import type { Needs } from './dependencies';
import { inviteesToRemind } from './invitation-reminders';
import { recordUpload } from './invitation-upload';
import type { Links } from './links';

/**
 * The secretariat invites its contacts to register: each valid, new contact of the uploaded CSV file gets an
 * invitation email with a personal link that opens the form filled in. The upload answers at once with the rows
 * refused (line and reason) and the duplicates in the file; it only reads the file and stores its rows, in a few
 * items whatever its size, so that 20,000 rows fit in the request's 10 seconds. A minute later a job checks each
 * row against the review (addresses already invited or registered are skipped) and records the invitations, then
 * the emails go out in a round of their own; the import record counts both as they go.
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
  // Its time first (milliseconds in base 36, nine digits until the year 5188), so that the review's uploads are
  // listed the latest first a page at a time; short, for the 64 characters of its jobs' names (job-names.ts).
  const importId = `${now.getTime().toString(36).padStart(9, '0')}${randomBytes(3).toString('hex')}`;
  const duplicates = list.duplicates.map(({ line, email, firstLine }) => ({
    line,
    email,
    reason: `duplicate of line ${firstLine}`,
  }));
  const parts = partsOf(list.contacts);
  const record: ContactImport = {
    reviewId: review.reviewId,
    importId,
    createdAt: now.toISOString(),
    rows: list.contacts.length,
    processed: 0,
    parts: parts.length,
    partsDone: 0,
    total: 0,
    sent: 0,
    failed: 0,
    invalid: list.invalid.slice(0, LISTED_ROWS),
    invalidCount: list.invalid.length,
    skipped: duplicates.slice(0, LISTED_ROWS),
    skippedCount: duplicates.length,
  };
  // The rows first, then the record that names them, then the job that reads both.
  await store.uploadRows.save(review.reviewId, importId, parts, now);
  await store.invitations.saveImport(record);
  if (parts.length > 0)
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

/**
 * The console's view of a review's invitations: a page of its uploads (each may carry hundreds of refused rows),
 * its reminders, everyone the uploads invited, and whom a reminder would reach now.
 */
export async function invitationsOverview(
  deps: Needs<'store'>,
  reviewId: string,
  now: Date,
  uploadsPage: PageRequest = { limit: UPLOADS_PER_PAGE },
) {
  const [uploads, reminders, invitees] = await Promise.all([
    deps.store.invitations.importsPage(reviewId, uploadsPage),
    deps.store.invitationReminders.list(reviewId),
    deps.store.invitations.invitedInAll(reviewId),
  ]);
  // Counting whom a reminder would reach reads every invitee and registrant: past a few thousand, more than a page
  // may take. The reminder round finds them itself.
  const toRemind = invitees <= COUNTED_INVITEES ? await inviteesToRemind(deps, reviewId, now) : undefined;
  return { uploads: uploads.items, uploadsNext: uploads.next, reminders, invitees, toRemind };
}

/** Uploads shown on a page of the invitations page, unless `?limit=` says otherwise. */
export const UPLOADS_PER_PAGE = 10;

/** Up to this many invitees, the invitations page says how many a reminder would reach. */
export const COUNTED_INVITEES = 2_000;

/**
 * The upload's job: while rows of the upload are still to be checked, that (`./invitation-upload.ts`); then the
 * invitation round itself: each invited contact once, in their language, unless they opted out.
 */
export async function runInvitationRound(
  deps: Needs<'store' | 'mailer' | 'clock' | 'sending' | 'log' | 'metrics' | 'scheduler'>,
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
  if (record.partsDone < record.parts) return recordUpload(deps, firing, record, remainingMs);
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
