import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Context } from 'aws-lambda';
import { type Route, routeKey, routes } from '#api/routes';
import type { HttpEvent } from '#http/event';
import type { LocalIdentity } from './identity';

/**
 * What API Gateway (HTTP API, payload format 2.0) does in front of the functions: match a route, play the JWT
 * authorizer's part, build the event, and turn the function's result into the HTTP answer.
 */

export interface MatchedRoute {
  route: Route;
  pathParameters: Record<string, string>;
}

/** Payloads above API Gateway's own limit are refused there, before any function runs. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function matchRoute(method: string, path: string): MatchedRoute | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const names: string[] = [];
    const pattern = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const match = new RegExp(`^${pattern}/?$`).exec(path);
    if (match)
      return {
        route,
        pathParameters: Object.fromEntries(
          names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]),
        ),
      };
  }
  return undefined;
}

/**
 * The local stand-in for the Cognito JWT authorizer: a bearer token issued by the local user pool is verified and
 * its claims passed on as API Gateway passes them (every value a string, a list written `[a b]`); the admin token
 * is the secretariat's. Anything else is refused with 401 before the function runs, as API Gateway does.
 */
export async function authorize(
  request: IncomingMessage,
  adminToken: string,
  identity: Pick<LocalIdentity, 'verify'>,
): Promise<Record<string, string> | undefined> {
  const header = request.headers.authorization ?? '';
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
  if (!token) return undefined;
  if (token === adminToken)
    return { sub: 'local-admin', 'cognito:groups': '[secretariat]', 'cognito:username': 'local-admin' };
  const claims = await identity.verify(token);
  if (!claims) return undefined;
  return Object.fromEntries(
    Object.entries(claims).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : String(value),
    ]),
  );
}

export function toEvent(
  request: IncomingMessage,
  url: URL,
  matched: MatchedRoute,
  body: Buffer,
  now: Date,
  claims?: Record<string, unknown>,
): HttpEvent {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(',') : (value ?? ''),
    ]),
  );
  const query = url.searchParams.size > 0 ? Object.fromEntries(url.searchParams) : undefined;
  // API Gateway (payload 2.0) hands the request's cookies over as a list of its own, not as a header.
  const { cookie, ...headersButCookie } = headers;
  const cookies = cookie ? cookie.split(/;\s*/).filter(Boolean) : undefined;
  const textual = /^(application\/(json|x-www-form-urlencoded)|text\/)/.test(headers['content-type'] ?? '');
  return {
    version: '2.0',
    routeKey: routeKey(matched.route),
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies ? { cookies } : {}),
    headers: headersButCookie,
    queryStringParameters: query,
    pathParameters: Object.keys(matched.pathParameters).length > 0 ? matched.pathParameters : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: matched.route.method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: routeKey(matched.route),
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
    },
    body: body.length > 0 ? (textual ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !textual,
  } as HttpEvent;
}

/** The invocation's context, with the deadline of the function's timeout as deployed (10 s for the APIs). */
export function lambdaContext(functionName: string, timeoutMs = 10_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
