import middy, { type MiddlewareObj } from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpRouterHandler from '@middy/http-router';
import httpSecurityHeaders from '@middy/http-security-headers';
import { requestBody } from '#http/body';
import { domainErrors, isFault } from '#http/errors';
import type { HttpEvent, HttpResult } from '#http/event';
import { boundedPathParameters } from '#http/path-parameters';
import type { Instrumented } from '#observability/instrumentation';
import type { Log } from '#services/dependencies';
import { type HttpFunctionName, type Route, type RouteKey, routeKey, routesOf } from './routes';

/** A route's handler: the request and the function's dependencies in, the answer out. */
export type RouteHandler<D> = (event: HttpEvent, deps: D) => Promise<HttpResult>;

/** Every route of one function of `shared/api/routes.ts`, each with its handler: no more, no fewer. */
export type RouteTable<F extends HttpFunctionName, D> = Record<RouteKey<F>, RouteHandler<D>>;

/**
 * Pages load nothing from elsewhere and run no script but the service's own proof of work: inline styles only,
 * forms posted to the service itself.
 * middy's defaults otherwise (HSTS, nosniff, no framing, no referrer), without the ones that would stop a form
 * (sandbox), upgrade the local runtime's plain HTTP, or name reporting endpoints that do not exist.
 */
const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    'default-src': "'none'",
    'style-src': "'unsafe-inline'",
    // The service's own proof-of-work script, which only a busy network's form includes; nothing else runs.
    'script-src': "'self'",
    'form-action': "'self'",
    'base-uri': "'none'",
    'frame-ancestors': "'none'",
    sandbox: undefined,
    'navigate-to': undefined,
    'report-to': undefined,
    'upgrade-insecure-requests': undefined,
  },
  // Preloading would bind every name under the operator's domain to HTTPS: theirs to choose, not the service's.
  strictTransportSecurity: { maxAge: 180 * 86_400, includeSubDomains: true, preload: false },
  poweredBy: false,
  reportTo: false,
  reportingEndpoints: false,
  xssProtection: false,
} as unknown as Parameters<typeof httpSecurityHeaders>[0];

/** Answers are personal (links with tokens, registrations): no cache keeps them, errors included. */
const notCached = (): MiddlewareObj<HttpEvent, HttpResult> => {
  const mark = async (request: { response: HttpResult | null }) => {
    if (request.response)
      request.response.headers = { ...request.response.headers, 'cache-control': 'no-store' };
  };
  return { after: mark, onError: mark };
};

/** Checks a request against its route before the route's handler runs; throws to refuse it. */
export type RouteGuard = (route: Route, event: HttpEvent) => Promise<void>;

/**
 * One HTTP function of the API: its router built from the route list, behind the middleware every HTTP
 * function shares (its instrumentation, security headers, no caching, errors as JSON answers, the body decoded
 * once) and its own
 * (`before`), each route's handler behind the function's `guard`.
 * Throws at start when the table and the list disagree.
 */
export function httpFunction<F extends HttpFunctionName, D>(
  fn: F,
  table: RouteTable<F, D>,
  deps: D & { log: Log } & Instrumented,
  before: MiddlewareObj<HttpEvent, HttpResult>[] = [],
  guard: RouteGuard = async () => undefined,
) {
  const listed = routesOf(fn);
  const keys = new Set<string>(listed.map(routeKey));
  const extra = Object.keys(table).filter((key) => !keys.has(key));
  const missing = [...keys].filter((key) => !(key in table));
  if (extra.length > 0 || missing.length > 0)
    throw new Error(
      `the ${fn} routes disagree with shared/api/routes.ts: extra ${extra}; missing ${missing}`,
    );
  const router = httpRouterHandler<HttpEvent, HttpResult>(
    listed.map((route) => ({
      method: route.method,
      path: route.path,
      handler: async (event: HttpEvent) => {
        await guard(route, event);
        return table[routeKey(route) as RouteKey<F>](event, deps);
      },
    })),
  );
  return middy<HttpEvent, HttpResult>()
    .use(deps.instrumentation)
    .use(httpSecurityHeaders(SECURITY_HEADERS))
    .use(notCached())
    .use(
      httpErrorHandler({
        logger: (error: Error) => {
          if (isFault(error))
            deps.log.error('unhandled', {
              error: String(error),
              // A 503's cause: the call to the store or SES that could not be made.
              ...(error?.cause ? { cause: String(error.cause) } : {}),
              stack: error?.stack,
            });
        },
        fallbackMessage: JSON.stringify({ error: 'internal error' }),
      }),
    )
    .use(domainErrors())
    .use(before)
    .use(boundedPathParameters())
    .use(requestBody())
    .handler(router);
}
