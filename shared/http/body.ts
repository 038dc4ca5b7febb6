import type { MiddlewareObj } from '@middy/core';
import { createError } from '@middy/util';
import { BadRequestError } from './errors';
import type { HttpEvent, HttpResult } from './event';

const mediaTypeOf = (event: HttpEvent) =>
  (event.headers?.['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Decodes the body (base64 or not) and reads it by its content type: JSON is parsed (a malformed one is refused
 * with 400 naming the body), a form into its fields, anything else kept as text for the route to judge.
 */
export function requestBody(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async ({ event }) => {
      const text = event.body
        ? event.isBase64Encoded
          ? Buffer.from(event.body, 'base64').toString('utf8')
          : event.body
        : '';
      const mediaType = mediaTypeOf(event);
      if (mediaType === 'application/json') {
        try {
          event.parsedBody = { type: 'json', value: JSON.parse(text) };
        } catch {
          throw new BadRequestError('body', 'the body is not valid JSON');
        }
      } else if (mediaType === 'application/x-www-form-urlencoded') {
        event.parsedBody = { type: 'form', fields: new URLSearchParams(text) };
      } else event.parsedBody = { type: 'other', mediaType, text };
    },
  };
}

/** The JSON body a route needs; 400 when the request sent something else. */
export function jsonBody(event: HttpEvent): unknown {
  if (event.parsedBody?.type !== 'json')
    throw new BadRequestError('content-type', 'send the body as application/json');
  return event.parsedBody.value;
}

/** A form's fields; none when the request sent no form. */
export function formBody(event: HttpEvent): URLSearchParams {
  return event.parsedBody?.type === 'form' ? event.parsedBody.fields : new URLSearchParams();
}

/** A text body of the given media type (e.g. `text/csv`); 400 when the request sent another. */
export function textBody(event: HttpEvent, mediaType: string): string {
  if (event.parsedBody?.type !== 'other' || event.parsedBody.mediaType !== mediaType)
    throw new BadRequestError('content-type', `send the body as ${mediaType}`);
  return event.parsedBody.text;
}

/**
 * Public forms are small: anything larger than a route allows (`limitOf` its route key) is refused before it is
 * read (413), through the error handler so that the answer carries the same headers as any other.
 */
export function maxBodySize(limitOf: (routeKey: string) => number): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async ({ event }) => {
      const bytes = limitOf(event.routeKey);
      const size = event.body ? Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : 0;
      if (size > bytes) throw createError(413, `the body is larger than ${bytes} bytes`);
    },
  };
}
