import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { UploadedFile } from './multipart';

/** A request's body, decoded once by its content type (the `requestBody` middleware). */
export type RequestBody =
  | { type: 'json'; value: unknown }
  | { type: 'form'; fields: URLSearchParams; files?: UploadedFile[] }
  | { type: 'other'; mediaType: string; text: string };

/** API Gateway's HTTP API event (payload 2.0), with the JWT authorizer's claims and the body as decoded once. */
export type HttpEvent = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
  /** Set by the `requestBody` middleware before any route runs. */
  parsedBody?: RequestBody;
};
export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

/** The time API Gateway received the request: the request's own "now", wherever it runs. */
export const requestTime = (event: HttpEvent): Date => new Date(event.requestContext.timeEpoch);

export const json = (statusCode: number, body: unknown): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

/** A JSON document to download, named `filename`: someone's own data, readable as it is. */
export const jsonFile = (filename: string, body: unknown): HttpResult => ({
  statusCode: 200,
  headers: {
    'content-type': 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
  },
  body: JSON.stringify(body, null, 2),
});

export const html = (statusCode: number, body: string): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body,
});
