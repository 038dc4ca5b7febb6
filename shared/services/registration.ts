import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { parseOrThrow, ValidationError } from '#domain/errors';
import {
  awaitingApprovalMessage,
  cancelledMessage,
  changedMessage,
  confirmationMessage,
  knownAddressMessage,
  registrationConfirmedMessage,
} from '#domain/messages';
import { type Plan, planReview } from '#domain/plan';
import {
  assertMeetingsOfReview,
  attends,
  type Registrant,
  RegistrationChange,
  RegistrationInput,
} from '#domain/registrant';
import type { Review } from '#domain/review';
import { normalizeEmail } from '#domain/text';
import { CONFIRMATION_TOKEN_TTL_SECONDS, epochSeconds, type LinkProblem, verifyToken } from '#domain/tokens';
import type { Needs } from './dependencies';
import { linksFor } from './links';
import { heldInvitationsToCancel, sendLateInvitations } from './meeting-changes';
import { notify } from './notify';
import { requireProofWhenBusy } from './proof-of-work';
import { correlateRegistration } from './registration-correlation';
import { asksForPlace, seatedMeetingOf, seatRegistrant, vacate } from './seating';

export type RegistrationDependencies = Needs<
  'store' | 'mailer' | 'log' | 'metrics' | 'signingKey' | 'site' | 'clock' | 'sending'
>;

/** Registrations one email address may ask for in an hour; a busy network is asked for a proof of work instead. */
export const RATE_LIMITS = { perAddress: 5 };

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
export async function openReview(
  deps: Needs<'store'>,
  reviewId: string,
  now: Date,
): Promise<OpenReview | undefined> {
  const review = await deps.store.reviews.get(reviewId);
  if (review?.status !== 'active') return undefined;
  return { review, plan: planReview(review, now) };
}

/**
 * A stakeholder registers: a pending registration and a confirmation link by email, in their language. The
 * caller answers the same whatever happened here, so that the answer never tells whether an address is known;
 * the email tells its owner (a known address gets a "manage your registration" email instead).
 */
export async function register(
  deps: RegistrationDependencies,
  body: unknown,
  now: Date,
  client: string,
  schema: z.ZodType<RegistrationInput, unknown> = RegistrationInput,
  proof?: string,
): Promise<void> {
  const { store } = deps;
  const input = parseOrThrow(schema, body);
  const tags = await correlateRegistration(deps, input.reviewId, input.email);
  await requireProofWhenBusy(deps, client, proof, now);
  if (!(await store.rateLimits.within(`email:${normalizeEmail(input.email)}`, RATE_LIMITS.perAddress, now)))
    throw new RateLimitedError();

  const open = await openReview(deps, input.reviewId, now);
  if (!open)
    throw new ValidationError([
      { field: 'reviewId', message: `there is no open review "${input.reviewId}"` },
    ]);
  assertMeetingsOfReview(input.meetings ?? [], open.plan.meetings);
  await assertOrganisationHasRoom(deps, open.review, input.organisation);

  const { consent, ...details } = input;
  const registrant = await store.registrants.recordPending(
    {
      ...details,
      meetings: input.meetings ?? open.plan.meetings.map((m) => m.id),
      status: 'pending',
      createdAt: now.toISOString(),
      ...(consent ? { consentAt: now.toISOString() } : {}),
      confirmNonce: randomBytes(16).toString('base64url'),
      expiresAt: epochSeconds(now) + CONFIRMATION_TOKEN_TTL_SECONDS,
    },
    now,
  );
  deps.log('registration received', { reviewId: input.reviewId, status: registrant.status });
  const links = linksFor(deps.site, now, await deps.signingKey());
  // The address's owner reads the email in the language stored with the registration, not the one just typed.
  const to = { email: input.email, name: registrant.name, language: registrant.language };
  if (registrant.status === 'confirmed') {
    await notify(deps, to, knownAddressMessage(open.review, to, links.manage(registrant)), tags);
    return;
  }
  if (registrant.status === 'awaiting-approval') {
    await notify(deps, to, awaitingApprovalMessage(open.review, to), tags);
    return;
  }
  // A declined address is told nothing new: the secretariat's decision stands.
  if (registrant.status === 'declined') return;
  const confirmUrl = links.confirm(
    registrant,
    registrant.confirmNonce as string,
    registrant.expiresAt ?? epochSeconds(now) + CONFIRMATION_TOKEN_TTL_SECONDS,
  );
  deps.metrics.add('Registrations');
  await notify(deps, to, confirmationMessage(open.review, to, confirmUrl), tags);
}

/** An invitation's personal link fills in the form; an altered, foreign or expired one fills in nothing. */
export async function invitationPrefill(
  deps: Needs<'signingKey'>,
  token: string,
  reviewId: string,
  now: Date,
) {
  const check = verifyToken(token, 'invitation', await deps.signingKey(), now);
  if (!check.ok || check.claims.reviewId !== reviewId) return {};
  const { email, name, organisation, language } = check.claims;
  return { email, name, organisation, language };
}

export type ConfirmationOutcome =
  | {
      status: 'confirmed' | 'already-confirmed' | 'awaiting-approval';
      review: Review;
      registrant: Registrant;
      waitlisted: boolean;
    }
  | { status: 'organisation-full'; review: Review; cap: number }
  | { status: 'invalid'; reason: LinkProblem };

/** Refuses a registration from an organisation that holds the review's cap of registrations already. */
async function assertOrganisationHasRoom(deps: Needs<'store'>, review: Review, organisation?: string) {
  const cap = review.organisationCap;
  if (!cap || !organisation) return;
  if ((await deps.store.organisations.taken(review.reviewId, organisation)) >= cap)
    throw new ValidationError([
      {
        field: 'organisation',
        message: `this organisation has ${cap} registrations for this review already, the most it allows: ask the secretariat`,
      },
    ]);
}

/** A registration that counts against its organisation's cap: confirmed, or awaiting approval. */
export const holdsOrganisationPlace = (review: Review, registrant: Registrant) =>
  Boolean(review.organisationCap && registrant.organisation);

/**
 * What a confirmed registration brings: an in-person place or the waiting list, the email confirming it with the
 * manage link, and the invitations to meetings already announced.
 */
export async function welcomeConfirmed(
  deps: RegistrationDependencies,
  review: Review,
  registrant: Registrant,
  now: Date,
) {
  const plan = planReview(review, now);
  const links = linksFor(deps.site, now, await deps.signingKey());
  const seating = await seatRegistrant(deps, review, plan, registrant, now, links, false);
  await notify(
    deps,
    registrant,
    registrationConfirmedMessage(review, registrant, seating, links.manage(registrant)),
    await correlateRegistration(deps, review.reviewId, registrant.email),
  );
  await sendLateInvitations(deps, review, plan, registrant, links, now);
  return seating;
}

/** Reads a confirmation link without using it: the page shows a button, whose POST confirms. */
export async function checkConfirmationLink(deps: Needs<'store' | 'signingKey'>, token: string, now: Date) {
  const check = verifyToken(token, 'confirm-registration', await deps.signingKey(), now);
  if (!check.ok) return { ok: false as const, reason: check.reason };
  const review = await deps.store.reviews.get(check.claims.reviewId);
  if (!review) return { ok: false as const, reason: 'missing' as const };
  return { ok: true as const, review };
}

/** The confirmation button's POST: spends the link's nonce, then seats the registrant if they come in person. */
export async function confirm(
  deps: RegistrationDependencies,
  token: string,
  now: Date,
): Promise<ConfirmationOutcome> {
  const { store } = deps;
  const key = await deps.signingKey();
  const check = verifyToken(token, 'confirm-registration', key, now);
  if (!check.ok) return { status: 'invalid', reason: check.reason };
  const { reviewId, email, nonce } = check.claims;
  const tags = await correlateRegistration(deps, reviewId, email);
  const review = await store.reviews.get(reviewId);
  if (!review) return { status: 'invalid', reason: 'missing' };
  const pending = await store.registrants.get(reviewId, email, now);
  // The organisation's place is taken before the confirming write, and given back if that write fails.
  const capped = pending?.status === 'pending' && holdsOrganisationPlace(review, pending);
  if (
    capped &&
    !(await store.organisations.take(
      reviewId,
      pending.organisation as string,
      review.organisationCap as number,
    ))
  )
    return { status: 'organisation-full', review, cap: review.organisationCap as number };
  const to = review.requiresApproval ? 'awaiting-approval' : 'confirmed';
  const confirmed = nonce !== undefined && (await store.registrants.confirm(reviewId, email, nonce, now, to));
  if (capped && !confirmed) await store.organisations.release(reviewId, pending.organisation as string);
  const registrant = await store.registrants.get(reviewId, email, now);
  if (!registrant) return { status: 'invalid', reason: 'expired' };
  if (registrant.status !== 'confirmed' && registrant.status !== 'awaiting-approval')
    return { status: 'invalid', reason: confirmed ? 'expired' : 'used' };
  if (!confirmed)
    return { status: 'already-confirmed', review, registrant, waitlisted: registrant.seat === 'waitlisted' };
  deps.metrics.add('Confirmations');
  deps.log('registration confirmed', { reviewId, status: registrant.status });
  if (registrant.status === 'awaiting-approval') {
    await notify(deps, registrant, awaitingApprovalMessage(review, registrant), tags);
    return { status: 'awaiting-approval', review, registrant, waitlisted: false };
  }
  const seating = await welcomeConfirmed(deps, review, registrant, now);
  return { status: 'confirmed', review, registrant, waitlisted: seating.seat === 'waitlisted' };
}

export type ManageContext =
  | { ok: true; review: Review; plan: Plan; registrant: Registrant; waitlistPosition?: number }
  | { ok: false; reason: LinkProblem };

/** What a manage link opens: the registration as it stands. */
export async function manageContext(
  deps: Needs<'store' | 'signingKey'>,
  token: string,
  now: Date,
): Promise<ManageContext> {
  const { store } = deps;
  const check = verifyToken(token, 'manage-registration', await deps.signingKey(), now);
  if (!check.ok) return { ok: false, reason: check.reason };
  const review = await store.reviews.get(check.claims.reviewId);
  const registrant = review && (await store.registrants.get(review.reviewId, check.claims.email, now));
  if (!review || registrant?.status !== 'confirmed') return { ok: false, reason: 'missing' };
  const plan = planReview(review, now);
  const room = seatedMeetingOf(plan);
  const position =
    registrant.seat === 'waitlisted' && room && registrant.waitlistedAt
      ? await store.seats.waitlistPosition(
          review.reviewId,
          room.id,
          registrant.email,
          registrant.waitlistedAt,
        )
      : undefined;
  return { ok: true, review, plan, registrant, waitlistPosition: position };
}

/** A registrant changes their meetings, attendance mode or language; an email confirms it. */
export async function changeRegistration(
  deps: RegistrationDependencies,
  token: string,
  body: unknown,
  now: Date,
): Promise<ManageContext> {
  const context = await manageContext(deps, token, now);
  if (!context.ok) return context;
  const change = parseOrThrow(RegistrationChange, body);
  const { review, plan, registrant } = context;
  assertMeetingsOfReview(change.meetings, plan.meetings);
  if (!(await deps.store.registrants.change(review.reviewId, registrant.email, change)))
    return { ok: false, reason: 'missing' };

  const updated: Registrant = { ...registrant, ...change };
  const links = linksFor(deps.site, now, await deps.signingKey());
  if (asksForPlace(registrant, plan) !== asksForPlace(updated, plan)) {
    await vacate(deps, review, plan, registrant, now, links);
    await deps.store.registrants.setSeat(review.reviewId, registrant.email, undefined);
    const { seat: _seat, waitlistedAt: _at, ...withoutSeat } = updated;
    await seatRegistrant(deps, review, plan, withoutSeat, now, links, true);
  }
  const chosen = plan.meetings.filter((m) => change.meetings.includes(m.id));
  const dropped = plan.meetings.filter((m) => attends(registrant, m.id) && !change.meetings.includes(m.id));
  const { calendarInvite, recordCancelled } = await heldInvitationsToCancel(
    deps,
    review,
    dropped,
    updated,
    now,
  );
  await notify(deps, updated, changedMessage(review, updated, chosen, links.manage(updated), calendarInvite));
  await recordCancelled();
  await sendLateInvitations(deps, review, plan, updated, links, now);
  return manageContext(deps, token, now);
}

/** A registrant cancels: their place goes to the next in line, and an email confirms the cancellation. */
export async function cancelRegistration(
  deps: RegistrationDependencies,
  token: string,
  now: Date,
): Promise<ManageContext> {
  const context = await manageContext(deps, token, now);
  if (!context.ok) return context;
  const { review, plan, registrant } = context;
  if (!(await cancelConfirmed(deps, review, plan, registrant, now))) return { ok: false, reason: 'missing' };
  return context;
}

/**
 * Cancels a confirmed registration (by its holder, or by the secretariat): the place it held goes to the first in
 * line, the invitations its calendar holds are cancelled, and its holder is told. False when it was not confirmed.
 */
export async function cancelConfirmed(
  deps: Needs<'store' | 'mailer' | 'log' | 'signingKey' | 'site'>,
  review: Review,
  plan: Plan,
  registrant: Registrant,
  now: Date,
): Promise<boolean> {
  if (!(await deps.store.registrants.cancel(review.reviewId, registrant.email, now))) return false;
  if (holdsOrganisationPlace(review, registrant))
    await deps.store.organisations.release(review.reviewId, registrant.organisation as string);
  const links = linksFor(deps.site, now, await deps.signingKey());
  await vacate(deps, review, plan, registrant, now, links);
  const { calendarInvite, recordCancelled } = await heldInvitationsToCancel(
    deps,
    review,
    plan.meetings,
    registrant,
    now,
  );
  await notify(
    deps,
    registrant,
    cancelledMessage(review, registrant, links.register(review.reviewId), calendarInvite),
  );
  await recordCancelled();
  return true;
}
