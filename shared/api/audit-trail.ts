import type { Principal } from '#domain/access';
import { type AuditEntry, changesBetween } from '#domain/audit';
import { type HttpEvent, requestTime } from '#http/event';
import type { Needs } from '#services/dependencies';
import { registrantScope } from '#services/registrant-actions';
import type { RouteTable } from './http-function';
import { type HttpFunctionName, type RouteKey, routeKey, routesOf } from './routes';

/** Who made a request, as the function knows them (the token's claims, the console's session). */
export type ActorOf<D> = (event: HttpEvent, deps: D) => Promise<Principal | undefined>;

/** Routes that change nothing: reading, and leaving the console. */
const readsOnly = (key: string) => key.startsWith('GET ') || key === 'POST /console/sign-out';

/** The record a route changes, as it stands: a contribution, what was published, a request, or the review. */
async function snapshot(deps: Needs<'store'>, path: string, event: HttpEvent) {
  const { reviewId, requestId, contributionId, email } = event.pathParameters ?? {};
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
  if (path.endsWith('/analytical-paper') || path.endsWith('/outcome'))
    return { announcements: await deps.store.announcements.list(reviewId) };
  if (path.endsWith('/invitations')) return undefined;
  return deps.store.reviews.get(reviewId);
}

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
      const before = (await snapshot(deps, route.path, event)) as Record<string, unknown> | undefined;
      const result = await handler(event, deps);
      if (result.statusCode >= 400) return result;
      const after = (await snapshot(deps, route.path, event)) as Record<string, unknown> | undefined;
      const actor = await actorOf(event, deps);
      const { reviewId, requestId, contributionId, meetingId, email } = event.pathParameters ?? {};
      const entry: AuditEntry = {
        at: requestTime(event).toISOString(),
        actor: { subject: actor?.subject ?? 'unknown', ...(actor?.email ? { email: actor.email } : {}) },
        action: key,
        target: Object.fromEntries(
          Object.entries({ reviewId, requestId, contributionId, meetingId, email }).filter(([, v]) => v),
        ),
        ...changesBetween(before, after),
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
