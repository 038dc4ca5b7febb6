import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { parseOrThrow, ValidationError } from '../domain/errors';
import {
  cancelledMessage,
  changedMessage,
  confirmationMessage,
  knownAddressMessage,
  registrationConfirmedMessage,
} from '../domain/messages';
import { type Plan, planReview } from '../domain/plan';
import { attends, type Registrant, RegistrationChange, RegistrationInput } from '../domain/registrant';
import type { Review } from '../domain/review';
import { CONFIRMATION_TOKEN_TTL_SECONDS, issueToken, verifyToken } from '../domain/tokens';
import { epochSeconds, normalizeEmail } from '../store/keys';
import { withinRateLimit } from '../store/rate-limits';
import {
  cancelRegistrant,
  changeRegistrant,
  confirmRegistrant,
  getRegistrant,
  recordPendingRegistrant,
  setSeat,
} from '../store/registrants';
import { getReview } from '../store/reviews';
import { waitlistPosition } from '../store/seats';
import { linksFor, notify, publicUrl } from './mailer';
import { heldInvitationsToCancel, sendLateInvitations } from './meeting-changes';
import { hybridOf, seatRegistrant, vacate } from './seating';
import { sendingOptions } from './sending';

/** Submissions per client address and per email address, each per hour. */
export const RATE_LIMITS = { perClient: 50, perAddress: 5 };

export class RateLimitedError extends Error {
  constructor() {
    super('too many registration attempts; try again in an hour');
    this.name = 'RateLimitedError';
  }
}

export interface OpenReview {
  review: Review;
  plan: Plan;
}

/** The review a stakeholder can register for now, or undefined. */
export async function openReview(reviewId: string, now: Date): Promise<OpenReview | undefined> {
  const review = await getReview(reviewId);
  if (review?.status !== 'active') return undefined;
  return { review, plan: planReview(review, now) };
}

/**
 * A stakeholder registers: a pending registration and a confirmation link by email, in their language. The
 * caller answers the same whatever happened here, so that the answer never tells whether an address is known;
 * the email tells its owner (a known address gets a "manage your registration" email instead).
 */
export async function register(
  body: unknown,
  now: Date,
  tokenKey: string,
  client: string,
  schema: z.ZodType<RegistrationInput, unknown> = RegistrationInput,
): Promise<void> {
  const input = parseOrThrow(schema, body);
  const withinLimits =
    (await withinRateLimit(`client:${client}`, RATE_LIMITS.perClient, now)) &&
    (await withinRateLimit(`email:${normalizeEmail(input.email)}`, RATE_LIMITS.perAddress, now));
  if (!withinLimits) throw new RateLimitedError();

  const open = await openReview(input.reviewId, now);
  if (!open)
    throw new ValidationError([
      { field: 'reviewId', message: `there is no open review "${input.reviewId}"` },
    ]);
  const meetingIds = open.plan.meetings.map((m) => m.id);
  const unknown = (input.meetings ?? []).filter((id) => !meetingIds.includes(id));
  if (unknown.length > 0)
    throw new ValidationError([
      { field: 'meetings', message: `not meetings of this review: ${unknown.join(', ')}` },
    ]);

  const { consent, ...details } = input;
  const registrant = await recordPendingRegistrant(
    {
      ...details,
      meetings: input.meetings ?? meetingIds,
      status: 'pending',
      createdAt: now.toISOString(),
      ...(consent ? { consentAt: now.toISOString() } : {}),
      confirmNonce: randomBytes(16).toString('base64url'),
      expiresAt: epochSeconds(now) + CONFIRMATION_TOKEN_TTL_SECONDS,
    },
    now,
  );
  // The address's owner reads the email in the language stored with the registration, not the one just typed.
  const to = { email: input.email, name: registrant.name, language: registrant.language };
  if (registrant.status === 'confirmed') {
    await notify(to, knownAddressMessage(open.review, to, linksFor(now, tokenKey).manage(registrant)));
    return;
  }
  const token = issueToken(
    {
      purpose: 'confirm-registration',
      reviewId: registrant.reviewId,
      email: registrant.email,
      nonce: registrant.confirmNonce,
      exp: registrant.expiresAt ?? epochSeconds(now) + CONFIRMATION_TOKEN_TTL_SECONDS,
    },
    tokenKey,
  );
  await notify(
    to,
    confirmationMessage(open.review, to, publicUrl('confirm', { token, lang: registrant.language })),
  );
}

/** An invitation's personal link fills in the form; an altered, foreign or expired one fills in nothing. */
export function invitationPrefill(token: string, reviewId: string, now: Date, tokenKey: string) {
  const check = verifyToken(token, 'invitation', tokenKey, now);
  if (!check.ok || check.claims.reviewId !== reviewId) return {};
  const { email, name, organisation, language } = check.claims;
  return { email, name, organisation, language };
}

export type LinkProblem = 'malformed' | 'forged' | 'expired' | 'used' | 'missing';

export type ConfirmationOutcome =
  | { status: 'confirmed' | 'already-confirmed'; review: Review; registrant: Registrant; waitlisted: boolean }
  | { status: 'invalid'; reason: LinkProblem };

/** Reads a confirmation link without using it: the page shows a button, whose POST confirms. */
export async function checkConfirmationLink(token: string, now: Date, tokenKey: string) {
  const check = verifyToken(token, 'confirm-registration', tokenKey, now);
  if (!check.ok) return { ok: false as const, reason: check.reason };
  const review = await getReview(check.claims.reviewId);
  if (!review) return { ok: false as const, reason: 'missing' as const };
  return { ok: true as const, review };
}

/** The confirmation button's POST: spends the link's nonce, then seats the registrant if they come in person. */
export async function confirm(token: string, now: Date, tokenKey: string): Promise<ConfirmationOutcome> {
  const check = verifyToken(token, 'confirm-registration', tokenKey, now);
  if (!check.ok) return { status: 'invalid', reason: check.reason };
  const { reviewId, email, nonce } = check.claims;
  const review = await getReview(reviewId);
  if (!review) return { status: 'invalid', reason: 'missing' };
  const confirmed = nonce !== undefined && (await confirmRegistrant(reviewId, email, nonce, now));
  const registrant = await getRegistrant(reviewId, email, now);
  if (!registrant) return { status: 'invalid', reason: 'expired' };
  if (registrant.status !== 'confirmed') return { status: 'invalid', reason: confirmed ? 'expired' : 'used' };
  if (!confirmed)
    return { status: 'already-confirmed', review, registrant, waitlisted: registrant.seat === 'waitlisted' };
  const plan = planReview(review, now);
  const links = linksFor(now, tokenKey);
  const seating = await seatRegistrant(review, plan, registrant, now, links, false);
  await notify(
    registrant,
    registrationConfirmedMessage(review, registrant, seating, links.manage(registrant)),
  );
  await sendLateInvitations(review, plan, registrant, links, sendingOptions(), now);
  return { status: 'confirmed', review, registrant, waitlisted: seating.seat === 'waitlisted' };
}

export type ManageContext =
  | { ok: true; review: Review; plan: Plan; registrant: Registrant; waitlistPosition?: number }
  | { ok: false; reason: LinkProblem };

/** What a manage link opens: the registration as it stands. */
export async function manageContext(token: string, now: Date, tokenKey: string): Promise<ManageContext> {
  const check = verifyToken(token, 'manage-registration', tokenKey, now);
  if (!check.ok) return { ok: false, reason: check.reason };
  const review = await getReview(check.claims.reviewId);
  const registrant = review && (await getRegistrant(review.reviewId, check.claims.email, now));
  if (!review || registrant?.status !== 'confirmed') return { ok: false, reason: 'missing' };
  const plan = planReview(review, now);
  const hybrid = hybridOf(plan);
  const position =
    registrant.seat === 'waitlisted' && hybrid && registrant.waitlistedAt
      ? await waitlistPosition(review.reviewId, hybrid.id, registrant.email, registrant.waitlistedAt)
      : undefined;
  return { ok: true, review, plan, registrant, waitlistPosition: position };
}

/** A registrant changes their meetings, attendance mode or language; an email confirms it. */
export async function changeRegistration(
  token: string,
  body: unknown,
  now: Date,
  tokenKey: string,
): Promise<ManageContext> {
  const context = await manageContext(token, now, tokenKey);
  if (!context.ok) return context;
  const change = parseOrThrow(RegistrationChange, body);
  const { review, plan, registrant } = context;
  const unknown = change.meetings.filter((id) => !plan.meetings.some((m) => m.id === id));
  if (unknown.length > 0)
    throw new ValidationError([
      { field: 'meetings', message: `not meetings of this review: ${unknown.join(', ')}` },
    ]);
  if (!(await changeRegistrant(review.reviewId, registrant.email, change)))
    return { ok: false, reason: 'missing' };

  const updated: Registrant = { ...registrant, ...change };
  const links = linksFor(now, tokenKey);
  const hybrid = hybridOf(plan);
  const inPerson = (r: Registrant) =>
    r.attendanceMode === 'in-person' && !!hybrid && (r.meetings?.includes(hybrid.id) ?? true);
  if (inPerson(registrant) !== inPerson(updated)) {
    await vacate(review, plan, registrant, now, links);
    await setSeat(review.reviewId, registrant.email, undefined);
    const { seat: _seat, waitlistedAt: _at, ...withoutSeat } = updated;
    await seatRegistrant(review, plan, withoutSeat, now, links, true);
  }
  const chosen = plan.meetings.filter((m) => change.meetings.includes(m.id));
  const dropped = plan.meetings.filter((m) => attends(registrant, m.id) && !change.meetings.includes(m.id));
  const { calendarInvite, recordCancelled } = await heldInvitationsToCancel(review, dropped, updated, now);
  await notify(updated, changedMessage(review, updated, chosen, links.manage(updated), calendarInvite));
  await recordCancelled();
  await sendLateInvitations(review, plan, updated, links, sendingOptions(), now);
  return manageContext(token, now, tokenKey);
}

/** A registrant cancels: their place goes to the next in line, and an email confirms the cancellation. */
export async function cancelRegistration(token: string, now: Date, tokenKey: string): Promise<ManageContext> {
  const context = await manageContext(token, now, tokenKey);
  if (!context.ok) return context;
  const { review, plan, registrant } = context;
  if (!(await cancelRegistrant(review.reviewId, registrant.email, now)))
    return { ok: false, reason: 'missing' };
  const links = linksFor(now, tokenKey);
  await vacate(review, plan, registrant, now, links);
  const { calendarInvite, recordCancelled } = await heldInvitationsToCancel(
    review,
    plan.meetings,
    registrant,
    now,
  );
  await notify(
    registrant,
    cancelledMessage(review, registrant, links.register(review.reviewId), calendarInvite),
  );
  await recordCancelled();
  return context;
}
