import { canRead, canWrite, type Principal, type Scoped } from '#domain/access';
import { ReviewInput } from '#domain/review';
import { principalFromEvent } from '#http/auth';
import { jsonBody } from '#http/body';
import { ForbiddenError } from '#http/errors';
import type { HttpEvent } from '#http/event';
import type { Needs } from '#services/dependencies';
import type { Route } from './routes';

const refuse = (what: string): never => {
  throw new ForbiddenError(`not yours to ${what}: it belongs to another region, or to the secretariat`);
};

/**
 * The regions a review body asks for, read as far as it can be; undefined when it names none and is invalid
 * anyway, for the input's own checks to say what is missing. The console's review editor asks the same.
 */
export function scopeOfReviewBody(body: unknown): Scoped | undefined {
  const parsed = ReviewInput.safeParse(body);
  if (parsed.success) return parsed.data;
  const loose = (typeof body === 'object' && body !== null ? body : {}) as Scoped;
  if (!loose.region && !loose.regions) return undefined;
  return { kind: loose.kind ?? 'regional-review', region: loose.region, regions: loose.regions };
}

/**
 * The one place where the admin API's scopes are enforced, before any handler runs: each staff route's `access`
 * (`shared/api/routes.ts`) against the signed-in person and the record the route names. A record that does not
 * exist is left to the handler's 404, except that creating one needs the right to the region it is for.
 */
export function staffAccess(deps: Needs<'store'>) {
  return async (route: Route, event: HttpEvent): Promise<void> => {
    if (route.auth !== 'staff') return;
    const principal = principalFromEvent(event);
    const now = new Date(event.requestContext.timeEpoch);
    switch (route.access) {
      case 'secretariat':
        if (!principal.secretariat) refuse('see');
        return;
      case 'listed':
        return;
      case 'review:read':
      case 'review:write': {
        const reviewId = event.pathParameters?.reviewId ?? '';
        const review = await deps.store.reviews.get(reviewId).catch(() => undefined);
        const write = route.access === 'review:write';
        if (review && !(write ? canWrite : canRead)(principal, review)) refuse(write ? 'change' : 'see');
        if (write && route.method === 'PUT' && route.path === '/admin/reviews/{reviewId}') {
          const asked = scopeOfReviewBody(jsonBody(event));
          if (asked && !canWrite(principal, asked)) refuse('create');
        }
        return;
      }
      case 'request:read':
      case 'request:write': {
        const request = await deps.store.requests.get(event.pathParameters?.requestId ?? '', now);
        if (request && !canSeeRequest(principal, request, route.access === 'request:write'))
          refuse(route.access === 'request:write' ? 'decide' : 'see');
        return;
      }
    }
  };
}

/** A briefing request is its regions' focal points' to see and decide; a GCM Talk proposal the secretariat's. */
export function canSeeRequest(
  principal: Principal,
  request: { kind: 'briefing' | 'gcm-talk'; regions?: Scoped['regions'] },
  write = false,
): boolean {
  const scope: Scoped = { kind: request.kind, regions: request.kind === 'briefing' ? request.regions : [] };
  return write ? canWrite(principal, scope) : canRead(principal, scope);
}
