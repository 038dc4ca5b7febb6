import { checkRows, LISTED_ROWS } from '#domain/contacts';
import { firingForLog, type InvitationRoundFiring } from '#domain/firing';
import { normalizeEmail } from '#domain/text';
import { nextMinuteButOne } from '#scheduling/job-names';
import type { ContactImport } from '#store/invitations';
import { RESERVE_MS, type RemainingTime, type RoundOutcome } from './delivery-round';
import type { Needs } from './dependencies';
import { allRegistrants } from './registrant-list';

/**
 * The background step of an upload: its rows, a part at a time, checked against the review (an address that
 * registered, or that another upload invited, is skipped) and recorded as invitations in batches, each part counted
 * on the import record once, then removed. The review's registrations and invitations are read once, in a few
 * queries, rather than twice per row.
 *
 * Safe to run again: a retry after a crash finds the part it stopped in still there, and the invitations it had
 * recorded from it marked as this upload's, so they are recorded and counted as they would have been. That an
 * address is invited by one upload only rests on uploads being recorded one after another: the sending function
 * runs one invocation at a time (its reserved concurrency, `docs/delivery.md`), as the local Scheduler does.
 *
 * The step ends its invocation: the round goes on in a job of its own a minute later (the next part, or the
 * sending), so that another round due meanwhile gets its turn at the sending function between the two.
 */
export async function recordUpload(
  deps: Needs<'store' | 'clock' | 'log' | 'scheduler'>,
  firing: InvitationRoundFiring,
  upload: ContactImport,
  remainingMs?: RemainingTime,
): Promise<RoundOutcome> {
  const { store, clock } = deps;
  const { reviewId, importId } = upload;
  const registered = new Set(
    (await allRegistrants(deps, reviewId, clock.now())).map((registrant) => normalizeEmail(registrant.email)),
  );
  const invitedBy = await store.invitations.invitedBy(reviewId);
  let current = upload;
  while (current.partsDone < current.parts && !(remainingMs && remainingMs() < RESERVE_MS)) {
    const part = current.partsDone;
    const rows = await store.uploadRows.get(reviewId, importId, part);
    if (rows) {
      const { invite, skipped } = checkRows(rows, registered, invitedBy, importId);
      await store.invitations.recordMany(reviewId, invite, importId, clock.now());
      for (const contact of invite) invitedBy.set(normalizeEmail(contact.email), importId);
      await store.invitations.countChecked(reviewId, importId, part, {
        rows: rows.length,
        invited: invite.length,
        skipped: skipped.slice(0, Math.max(0, LISTED_ROWS - current.skipped.length)),
        skippedCount: skipped.length,
      });
      await store.uploadRows.remove(reviewId, importId, part);
    }
    const before = current;
    current = (await store.invitations.getImport(reviewId, importId)) ?? current;
    // Only a part counted already is ever removed: one neither there nor counted is lost.
    if (!rows && current.partsDone === before.partsDone)
      throw new Error(`part ${part} of upload ${importId} of review ${reviewId} is missing`);
  }

  const checked = current.partsDone >= current.parts;
  if (checked && current.total === 0) await store.invitations.finishImport(reviewId, importId, clock.now());
  else await scheduleNextStep(deps, firing, current);
  deps.log('invitation upload checked', {
    ...firingForLog(firing),
    rows: current.rows,
    processed: current.processed,
    total: current.total,
    partsLeft: current.parts - current.partsDone,
  });
  return { status: 'done', sent: 0, skipped: current.skippedCount, failed: 0, suppressed: 0 };
}

/** The job that takes the upload on from where it stands: named by that, so that a retry schedules it once. */
async function scheduleNextStep(
  deps: Needs<'scheduler' | 'clock'>,
  firing: InvitationRoundFiring,
  upload: ContactImport,
) {
  const { round, reviewId, importId } = firing;
  await deps.scheduler
    .scheduleRound(
      { round, reviewId, importId },
      nextMinuteButOne(deps.clock.now()),
      `${importId}-${upload.partsDone}`,
    )
    .catch((error) => {
      if ((error as Error).name !== 'ConflictException') throw error;
    });
}
