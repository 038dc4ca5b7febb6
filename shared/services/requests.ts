import { randomBytes } from 'node:crypto';
import { NotFoundError, parseOrThrow, ValidationError } from '#domain/errors';
import {
  REQUEST_KINDS,
  RequestDecision,
  RequestInput,
  type RequestKind,
  recordFromRequest,
  type StakeholderRequest,
} from '#domain/request';
import {
  requestAcceptedMessage,
  requestConfirmationMessage,
  requestDeclinedMessage,
  requestReceivedMessage,
} from '#domain/request-messages';
import { normalizeEmail } from '#domain/text';
import { CONFIRMATION_TOKEN_TTL_SECONDS, epochSeconds, type LinkProblem, verifyToken } from '#domain/tokens';
import type { PageRequest } from '#store/pages';
import type { Needs } from './dependencies';
import { linksFor, publicUrl } from './links';
import { notify } from './notify';
import { requireProofWhenBusy } from './proof-of-work';
import { RateLimitedError } from './registration';
import { putReview, showReview } from './reviews';

/** Requests one email address may send in an hour (one asks once, not ten times); a busy network proves its work. */
export const REQUEST_LIMITS = { perAddress: 3 };

/** The secretariat reads its notices in English, the language of its working documents. */
const SECRETARIAT_LANGUAGE = 'en';

const newRequestId = (kind: RequestKind, now: Date) =>
  `${kind === 'briefing' ? 'b' : 't'}${now.getTime().toString(36)}${randomBytes(3).toString('hex')}`;

/**
 * A stakeholder asks for a briefing or proposes a GCM Talk: it is kept pending, and a link to send it on goes to
 * their address in their language. The caller answers the same whatever happened here. `proof` is the proof of
 * work a busy network's form carries.
 */
export async function submitRequest(
  deps: Needs<'store' | 'mailer' | 'log' | 'signingKey' | 'site'>,
  body: unknown,
  now: Date,
  client: string,
  proof?: string,
): Promise<void> {
  const input = parseOrThrow(RequestInput, body);
  await requireProofWhenBusy(deps, client, proof, now);
  const email = `request-email:${normalizeEmail(input.email)}`;
  if (!(await deps.store.rateLimits.within(email, REQUEST_LIMITS.perAddress, now)))
    throw new RateLimitedError();
  const { consent: _consent, ...details } = input;
  const request = {
    ...details,
    requestId: newRequestId(input.kind, now),
    status: 'pending',
    createdAt: now.toISOString(),
    consentAt: now.toISOString(),
    confirmNonce: randomBytes(16).toString('base64url'),
    expiresAt: epochSeconds(now) + CONFIRMATION_TOKEN_TTL_SECONDS,
  } as StakeholderRequest;
  await deps.store.requests.recordPending(request);
  const links = linksFor(deps.site, now, await deps.signingKey());
  const confirmUrl = links.confirmRequest(
    request,
    request.confirmNonce as string,
    request.expiresAt as number,
  );
  await notify(deps, input, requestConfirmationMessage(input, confirmUrl));
}

export type RequestLink =
  | { ok: true; request: StakeholderRequest; nonce?: string }
  | { ok: false; reason: LinkProblem };

/** Reads a request's confirmation link without using it: the page shows a button, whose POST sends it. */
export async function checkRequestLink(
  deps: Needs<'store' | 'signingKey'>,
  token: string,
  now: Date,
): Promise<RequestLink> {
  const check = verifyToken(token, 'confirm-request', await deps.signingKey(), now);
  if (!check.ok) return { ok: false, reason: check.reason };
  const { requestId, nonce } = check.claims;
  const request = requestId ? await deps.store.requests.get(requestId, now) : undefined;
  if (!request) return { ok: false, reason: 'expired' };
  return { ok: true, request, nonce };
}

/**
 * The button's POST: spends the link's nonce, and the secretariat is told. A notice that cannot be sent is logged
 * and not retried: the request itself is kept, and waits in `GET /admin/requests`.
 */
export async function confirmRequest(
  deps: Needs<'store' | 'signingKey' | 'mailer' | 'log' | 'site'>,
  token: string,
  now: Date,
): Promise<RequestLink & ({ ok: true; already: boolean } | { ok: false })> {
  const link = await checkRequestLink(deps, token, now);
  if (!link.ok) return link;
  const { request, nonce } = link;
  const spent = nonce !== undefined && (await deps.store.requests.confirm(request.requestId, nonce, now));
  if (!spent) {
    if (request.status === 'pending') return { ok: false, reason: 'used' };
    return { ...link, already: true };
  }
  const received = { ...request, status: 'received' as const, confirmedAt: now.toISOString() };
  await notify(
    deps,
    { email: deps.site.secretariatEmail, name: 'Secretariat' },
    requestReceivedMessage(received, SECRETARIAT_LANGUAGE),
  ).catch((error) =>
    deps.log.error('secretariat not told of a request', {
      requestId: request.requestId,
      error: (error as Error).message,
    }),
  );
  return { ...link, request: received, already: false };
}

/** Without the link's nonce and expiry, which are the requester's alone. */
const shown = ({ confirmNonce: _nonce, expiresAt: _expires, ...request }: StakeholderRequest) =>
  request as StakeholderRequest;

/**
 * A page of the requests the secretariat has to decide on or decided, newest first; `kind` and `status` filter,
 * `visible` keeps those the reader may see.
 */
export async function listRequests(
  deps: Needs<'store'>,
  filter: { kind?: string; status?: string },
  now: Date,
  request: PageRequest,
  visible: (request: StakeholderRequest) => boolean = () => true,
) {
  if (filter.kind && !(REQUEST_KINDS as readonly string[]).includes(filter.kind))
    throw new ValidationError([{ field: 'kind', message: `must be one of ${REQUEST_KINDS.join(', ')}` }]);
  const page = await deps.store.requests.page(
    now,
    request,
    (r) =>
      r.status !== 'pending' &&
      visible(r) &&
      (!filter.kind || r.kind === filter.kind) &&
      (!filter.status || r.status === filter.status),
  );
  return { requests: page.items.map(shown), ...(page.next ? { next: page.next } : {}) };
}

/** How many requests the reader may see wait for a decision. */
export async function requestsWaiting(
  deps: Needs<'store'>,
  now: Date,
  visible: (request: StakeholderRequest) => boolean,
): Promise<number> {
  return (await deps.store.requests.list(now)).filter((r) => r.status === 'received' && visible(r)).length;
}

async function receivedRequest(deps: Needs<'store'>, requestId: string | undefined, now: Date) {
  const request = requestId ? await deps.store.requests.get(requestId, now) : undefined;
  if (!request || request.status === 'pending') throw new NotFoundError(`request ${requestId}`);
  return request;
}

export async function showRequest(deps: Needs<'store'>, requestId: string | undefined, now: Date) {
  return shown(await receivedRequest(deps, requestId, now));
}

/**
 * The secretariat accepts a request (it becomes a briefing or a GCM Talk with its registration page, plan, jobs
 * and emails) or declines it with a reason; the requester is told in their language. Accepting again answers the
 * record as it is, so a retried request creates nothing twice and tells no one twice.
 */
export async function decideRequest(
  deps: Needs<'store' | 'scheduler' | 'mailer' | 'log' | 'site'>,
  requestId: string | undefined,
  body: unknown,
  now: Date,
) {
  const decision = parseOrThrow(RequestDecision, body);
  const request = await receivedRequest(deps, requestId, now);
  if (decision.decision === 'decline') {
    if (request.status === 'accepted')
      throw new ValidationError([
        {
          field: 'decision',
          message: `accepted already, as ${request.reviewId}: cancel that record instead`,
        },
      ]);
    if (!(await deps.store.requests.decide(request.requestId, decision, now)))
      throw new NotFoundError(`request ${requestId}`);
    await notify(deps, request, requestDeclinedMessage(request, decision.reason));
    return { request: shown((await deps.store.requests.get(request.requestId, now)) as StakeholderRequest) };
  }
  if (request.status === 'accepted') {
    if (request.reviewId !== decision.reviewId)
      throw new ValidationError([{ field: 'reviewId', message: `accepted already, as ${request.reviewId}` }]);
    // The record may have been edited since: a retried acceptance leaves it as it is.
    return { request: shown(request), ...(await showReview(deps, request.reviewId, now)) };
  }
  const view = await putReview(
    deps,
    decision.reviewId,
    recordFromRequest(request, decision),
    now,
    request.requestId,
  );
  const decided = await deps.store.requests.decide(
    request.requestId,
    { decision: 'accept', reviewId: decision.reviewId },
    now,
  );
  // Told once: when this call moved the request to accepted (a retry finds it accepted already).
  if (decided) {
    const meeting = view.plan.meetings[0];
    if (meeting)
      await notify(
        deps,
        request,
        requestAcceptedMessage(request, meeting, publicUrl(deps.site, `register/${decision.reviewId}`)),
      );
  }
  const { created: _created, ...record } = view;
  return {
    request: shown((await deps.store.requests.get(request.requestId, now)) as StakeholderRequest),
    ...record,
  };
}
