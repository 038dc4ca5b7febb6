import type { MiddlewareObj } from '@middy/core';
import { ValidationError } from '#domain/errors';
import type { HttpEvent, HttpResult } from './event';

/** The longest id of any record: an email address (254 octets, RFC 5321); every other id is far shorter. */
const LONGEST_ID_BYTES = 254;

/**
 * A path parameter longer than any id names no record: refused with 422 naming it before a route reads the table
 * with it, since DynamoDB refuses a key over its size limits (1 KB for a sort key) with an error that would
 * otherwise be answered 500.
 */
export function boundedPathParameters(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async ({ event }) => {
      const issues = Object.entries(event.pathParameters ?? {})
        .filter(([, value]) => Buffer.byteLength(value ?? '') > LONGEST_ID_BYTES)
        .map(([field]) => ({
          field,
          message: `longer than any ${field} can be (${LONGEST_ID_BYTES} bytes)`,
        }));
      if (issues.length > 0) throw new ValidationError(issues);
    },
  };
}
