/**
 * The single table's keys, from the access patterns:
 * - a review by id, and all reviews (GSI `gsi1`: `gsi1pk = REVIEWS`);
 * - a review's registrants, one item per address (the key makes a second registration impossible);
 * - one delivery per (review, milestone, instant, recipient), the record that makes sending exactly-once.
 */
import { normalizeEmail } from '#domain/text';
import { TABLE_DEFINITION } from './table-definition';

export const TABLE_GSI = TABLE_DEFINITION.index.name;

/** Everything of one review lives in its partition: the review, its registrants, seats, invitations, calendars. */
export const reviewPartition = (reviewId: string) => `REVIEW#${reviewId}`;

export const reviewKey = (reviewId: string) => ({ pk: reviewPartition(reviewId), sk: 'REVIEW' });
export const REVIEWS_INDEX_PK = 'REVIEWS';

export const registrantKey = (reviewId: string, email: string) => ({
  pk: reviewPartition(reviewId),
  sk: `REGISTRANT#${normalizeEmail(email)}`,
});
export const REGISTRANT_SK_PREFIX = 'REGISTRANT#';

export const deliveryKey = (round: DeliveryRound, email: string) => ({
  pk: `DELIVERY#${round.reviewId}#${round.milestoneId}#${round.at}`,
  sk: `TO#${normalizeEmail(email)}`,
});

export interface DeliveryRound {
  reviewId: string;
  milestoneId: string;
  at: string;
}

/** A meeting's count of in-person places taken. */
export const seatCounterKey = (reviewId: string, meetingId: string) => ({
  pk: reviewPartition(reviewId),
  sk: `SEATS#${meetingId}`,
});

/** Waiting-list entries sort by when they joined: the first is the next to be promoted. */
export const WAITLIST_SK_PREFIX = (meetingId: string) => `WAITLIST#${meetingId}#`;
export const waitlistKey = (reviewId: string, meetingId: string, joinedAt: string, email: string) => ({
  pk: reviewPartition(reviewId),
  sk: `${WAITLIST_SK_PREFIX(meetingId)}${joinedAt}#${normalizeEmail(email)}`,
});

/** Attempts counted per client or address and per hour. */
export const rateKey = (subject: string, windowStart: number) => ({
  pk: `RATE#${subject}`,
  sk: String(windowStart),
});

/** One invitation per address per review: a second upload of the same contact sends nothing. */
export const invitationKey = (reviewId: string, email: string) => ({
  pk: reviewPartition(reviewId),
  sk: `INVITATION#${normalizeEmail(email)}`,
});
export const INVITATION_SK_PREFIX = 'INVITATION#';

/** An upload of contacts, with its progress. */
export const importKey = (reviewId: string, importId: string) => ({
  pk: reviewPartition(reviewId),
  sk: `${IMPORT_SK_PREFIX}${importId}`,
});
export const IMPORT_SK_PREFIX = 'IMPORT#';

/**
 * A part of an upload's rows, until the background step has recorded them as invitations. Each part is a partition
 * of its own: written together, parts in one partition would pass DynamoDB's 1,000 write units a second for one.
 */
export const uploadRowsKey = (reviewId: string, importId: string, part: number) => ({
  pk: `UPLOAD#${reviewId}#${importId}#${part}`,
  sk: 'ROWS',
});

/** A reminder to the review's invitees who have not registered, with its progress; ids sort by time. */
export const invitationReminderKey = (reviewId: string, reminderId: string) => ({
  pk: reviewPartition(reviewId),
  sk: `${INVITATION_REMINDER_SK_PREFIX}${reminderId}`,
});
export const INVITATION_REMINDER_SK_PREFIX = 'INVITATION-REMINDER#';

/** What a registrant's calendar holds of a meeting: the invitation last sent to them. */
export const heldInviteKey = (reviewId: string, meetingId: string, email: string) => ({
  pk: reviewPartition(reviewId),
  sk: `CALENDAR#${meetingId}#${normalizeEmail(email)}`,
});

/** An address that asked for no more invitations to register (List-Unsubscribe on an invitation). */
export const invitationOptOutKey = (email: string) => ({
  pk: `OPTOUT#${normalizeEmail(email)}`,
  sk: 'INVITATIONS',
});

/** An address nothing more is sent to (a hard bounce or a complaint); all of them are listed through `gsi1`. */
export const suppressionKey = (email: string) => ({
  pk: `SUPPRESSED#${normalizeEmail(email)}`,
  sk: 'SUPPRESSION',
});
export const SUPPRESSIONS_INDEX_PK = 'SUPPRESSIONS';

/** An address's soft bounces, counted once per message. */
export const softBounceKey = (email: string) => ({
  pk: `SOFT-BOUNCES#${normalizeEmail(email)}`,
  sk: 'COUNT',
});

/** A meeting change its invitation holders are to be told of, until its round has run. */
export const changeToTellKey = (reviewId: string, meetingId: string) => ({
  pk: reviewPartition(reviewId),
  sk: `CHANGE#${meetingId}`,
});
export const CHANGE_SK_PREFIX = 'CHANGE#';

/** A stakeholder's written contribution to a review; ids sort by submission time. */
export const contributionKey = (reviewId: string, contributionId: string) => ({
  pk: reviewPartition(reviewId),
  sk: `${CONTRIBUTION_SK_PREFIX}${contributionId}`,
});
export const CONTRIBUTION_SK_PREFIX = 'CONTRIBUTION#';

/** Briefing requests and GCM Talk proposals, all in one partition (a few dozen a year), ids sorting by time. */
export const REQUESTS_PARTITION = 'REQUESTS';
export const requestKey = (requestId: string) => ({ pk: REQUESTS_PARTITION, sk: `REQUEST#${requestId}` });

/**
 * What the secretariat published about a review (its analytical paper, a meeting's summary report and recording),
 * with whether its readers were told yet: the hourly reconcile tells them if a crash kept the round from running.
 */
export const announcementKey = (reviewId: string, announcementId: string) => ({
  pk: reviewPartition(reviewId),
  sk: `${ANNOUNCEMENT_SK_PREFIX}${announcementId}`,
});
export const ANNOUNCEMENT_SK_PREFIX = 'ANNOUNCEMENT#';

/** The audit log of a review (`review:<id>`) or a request (`request:<id>`): entries sorting by time. */
export const auditPartition = (scope: string) => `AUDIT#${scope}`;

/** A round of emails that started for a review: the list the console's messages page and an erasure go through. */
export const roundKey = (round: DeliveryRound) => ({
  pk: reviewPartition(round.reviewId),
  sk: `${ROUND_SK_PREFIX}${round.milestoneId}#${round.at}`,
});
export const ROUND_SK_PREFIX = 'ROUND#';

/** How many registrations of a review an organisation holds (confirmed or awaiting approval), by its name's key. */
export const organisationCountKey = (reviewId: string, organisationKey: string) => ({
  pk: reviewPartition(reviewId),
  sk: `ORGANISATION#${organisationKey}`,
});
