import type { MiddlewareObj } from '@middy/core';
import { createError } from '@middy/util';
import { BadRequestError } from './errors';
import type { HttpEvent, HttpResult } from './event';
import { readMultipart, type UploadedFile } from './multipart';

const mediaTypeOf = (event: HttpEvent) =>
  (event.headers?.['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Decodes the body (base64 or not) and reads it by its content type: JSON is parsed (a malformed one is refused
 * with 400 naming the body), a form into its fields (a multipart one with its files), anything else kept as text
 * for the route to judge.
 */
export function requestBody(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async ({ event }) => {
      const bytes = event.body
        ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8')
        : Buffer.alloc(0);
      const text = bytes.toString('utf8');
      const mediaType = mediaTypeOf(event);
      if (mediaType === 'multipart/form-data') {
        const { fields, files } = await readMultipart(bytes, event.headers?.['content-type'] ?? '');
        event.parsedBody = { type: 'form', fields, files };
      } else if (mediaType === 'application/json') {
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

/** The files a multipart form sent (empty file inputs left out); none for any other body. */
export function formFiles(event: HttpEvent): UploadedFile[] {
  return event.parsedBody?.type === 'form' ? (event.parsedBody.files ?? []) : [];
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
