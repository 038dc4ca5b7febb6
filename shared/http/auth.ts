import type { MiddlewareObj } from '@middy/core';
import { ForbiddenError } from './errors';
import type { HttpEvent, HttpResult } from './event';

/**
 * The JWT authorizer (Cognito in AWS, the local runtime's token check on a laptop) has already refused requests
 * without a valid token with 401; this refuses valid users outside the group with 403.
 */
export function requireGroup(group: string): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async (request) => {
      const claim = request.event.requestContext.authorizer?.jwt?.claims?.['cognito:groups'];
      const groups = Array.isArray(claim)
        ? claim
        : String(claim ?? '')
            .replace(/^\[|\]$/g, '')
            .split(/[\s,]+/);
      if (!groups.includes(group)) throw new ForbiddenError(`this needs membership of the ${group} group`);
    },
  };
}
