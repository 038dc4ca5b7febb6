import type { MiddlewareObj } from '@middy/core';
import { isStaff, type Principal, principalOf } from '#domain/access';
import { ForbiddenError } from './errors';
import type { HttpEvent, HttpResult } from './event';

/**
 * The signed-in person of a request, from the claims the JWT authorizer (Cognito's in AWS, the local runtime's
 * stand-in on a laptop) verified and passed on. API Gateway writes a list claim as `[a b]`; a list is read as well.
 */
export function principalFromEvent(event: HttpEvent): Principal {
  const claims = event.requestContext.authorizer?.jwt?.claims ?? {};
  const listed = claims['cognito:groups'];
  const groups = Array.isArray(listed)
    ? listed.map(String)
    : String(listed ?? '')
        .replace(/^\[|\]$/g, '')
        .split(/[\s,]+/)
        .filter(Boolean);
  const email = claims.email === undefined ? undefined : String(claims.email);
  return principalOf(String(claims.sub ?? ''), email, groups);
}

/**
 * The authorizer has refused requests without a valid token with 401; this refuses signed-in people who are
 * neither the secretariat nor a region's focal point with 403.
 */
export function requireStaff(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async (request) => {
      if (!isStaff(principalFromEvent(request.event)))
        throw new ForbiddenError('this needs membership of the secretariat group or of a region-<id> group');
    },
  };
}
