import type { Principal } from '#domain/access';
import { type AuditEntry, changesBetween } from '#domain/audit';
import { ReviewId } from '#domain/review';
import { newReviewIdOf } from '#domain/review-form';
import { formBody } from '#http/body';
import { type HttpEvent, requestTime } from '#http/event';
import type { Needs } from '#services/dependencies';
import { registrantScope } from '#services/registrant-actions';
import { ERASED } from '#store/personal-data';
import type { RouteTable } from './http-function';
import { type HttpFunctionName, type RouteKey, routeKey, routesOf } from './routes';

/** Who made a request, as the function knows them (the token's claims, the console's session). */
export type ActorOf<D> = (event: HttpEvent, deps: D) => Promise<Principal | undefined>;

/** Routes that erase a person: their entry must not say whom (`shared/services/personal-data.ts`). */
const erases = (key: string) =>
  key === 'DELETE /admin/reviews/{reviewId}/registrants/{email}' || key.endsWith('/{email}/erase');

/** Routes that change nothing: reading, and leaving the console. */
const readsOnly = (key: string) => key.startsWith('GET ') || key === 'POST /console/sign-out';

/** The records a route names: its path's parameters, or the id the console's form gives a new review. */
function namedBy(key: string, event: HttpEvent): Record<string, string | undefined> {
  if (key !== 'POST /console/reviews/new') return event.pathParameters ?? {};
  const reviewId = newReviewIdOf(formBody(event));
  return { reviewId: ReviewId.safeParse(reviewId).success ? reviewId : undefined };
}

/** The record a route changes, as it stands: a contribution, what was published, a request, or the review. */
async function snapshot(
  deps: Needs<'store'>,
  path: string,
  event: HttpEvent,
  named: Record<string, string | undefined>,
) {
  const { reviewId, requestId, contributionId, email } = named;
  const now = requestTime(event);
  if (requestId) return deps.store.requests.get(requestId, now);
  if (!reviewId) return undefined;
  if (email) {
    const registrant = await deps.store.registrants.get(reviewId, email, now);
    if (!registrant) return undefined;
    const { confirmNonce: _nonce, ...kept } = registrant;
    return kept;
  }
  if (contributionId) return deps.store.contributions.get(reviewId, contributionId, now);
  if (path.endsWith('/analytical-paper') || path.endsWith('/outcome') || path.endsWith('/messages'))
    return { announcements: await deps.store.announcements.list(reviewId) };
  if (path.endsWith('/invitations') || path.endsWith('/reminders')) return undefined;
  return deps.store.reviews.get(reviewId);
}

const isEmpty = (fields?: Record<string, unknown>) => !fields || Object.keys(fields).length === 0;

/**
 * Every change made through a function's routes, recorded in the audit log in one place: the record the route
 * names is read before and after its handler runs, and the fields that changed are kept with who changed them,
 * when and through which route. A refused request (4xx) changed nothing and is not recorded. An accepted request
 * is recorded in the log of the record it became as well.
 */
export function withAuditTrail<F extends HttpFunctionName, D extends Needs<'store'>>(
  fn: F,
  table: RouteTable<F, D>,
  actorOf: ActorOf<D>,
): RouteTable<F, D> {
  const audited = { ...table };
  for (const route of routesOf(fn)) {
    const key = routeKey(route) as RouteKey<F>;
    if (readsOnly(key)) continue;
    const handler = table[key];
    audited[key] = async (event, deps) => {
      const named = namedBy(key, event);
      const before = erases(key)
        ? undefined
        : ((await snapshot(deps, route.path, event, named)) as Record<string, unknown> | undefined);
      const result = await handler(event, deps);
      if (result.statusCode >= 400) return result;
      if (erases(key)) {
        const actor = await actorOf(event, deps);
        await deps.store.audit.record(`review:${event.pathParameters?.reviewId}`, {
          at: requestTime(event).toISOString(),
          actor: { subject: actor?.subject ?? 'unknown', ...(actor?.email ? { email: actor.email } : {}) },
          action: key,
          target: { reviewId: event.pathParameters?.reviewId, email: ERASED },
        });
        return result;
      }
      const after = (await snapshot(deps, route.path, event, named)) as Record<string, unknown> | undefined;
      const changes = changesBetween(before, after);
      // The console answers a form that did something with a redirect; a page (200) answers one that did
      // nothing yet, such as a cancellation still to be confirmed.
      if (fn === 'console' && result.statusCode === 200 && isEmpty(changes.before) && isEmpty(changes.after))
        return result;
      const actor = await actorOf(event, deps);
      const { reviewId, requestId, contributionId, meetingId, email } = named;
      const entry: AuditEntry = {
        at: requestTime(event).toISOString(),
        actor: { subject: actor?.subject ?? 'unknown', ...(actor?.email ? { email: actor.email } : {}) },
        action: key,
        target: Object.fromEntries(
          Object.entries({ reviewId, requestId, contributionId, meetingId, email }).filter(([, v]) => v),
        ),
        ...changes,
      };
      await deps.store.audit.record(requestId ? `request:${requestId}` : `review:${reviewId}`, entry);
      const becameReview =
        requestId && typeof after?.reviewId === 'string' && after.reviewId !== before?.reviewId;
      if (becameReview) await deps.store.audit.record(`review:${after.reviewId}`, entry);
      if (reviewId && email) await deps.store.audit.record(registrantScope(reviewId, email), entry);
      return result;
    };
  }
  return audited;
}
