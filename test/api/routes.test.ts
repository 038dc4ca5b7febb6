import { describe, expect } from 'vitest';
import { ADMIN_ROUTES } from '#api/admin-routes';
import { httpFunction } from '#api/http-function';
import { PUBLIC_ROUTES, type PublicApiDependencies } from '#api/public-routes';
import { routeKey, routes, routesOf } from '#api/routes';
import { json } from '#http/event';
import type { Instrumented } from '#observability/instrumentation';
import { test as it } from '#test/support/fixtures';

/** The function is only built here, never invoked: it needs no adapter. */
const unused = { log: () => undefined, instrumentation: [] } as unknown as PublicApiDependencies &
  Instrumented;

describe('the route list', () => {
  it('is what each HTTP function routes: every listed route has a handler, and none more', () => {
    expect(Object.keys(ADMIN_ROUTES).sort()).toEqual(routesOf('admin-api').map(routeKey).sort());
    expect(Object.keys(PUBLIC_ROUTES).sort()).toEqual(routesOf('public-api').map(routeKey).sort());
  });

  it('stops a function from starting when its table and the list disagree', () => {
    const { 'GET /privacy': _privacy, ...missing } = PUBLIC_ROUTES;
    expect(() => httpFunction('public-api', missing as typeof PUBLIC_ROUTES, unused)).toThrow(
      /missing GET \/privacy/,
    );
    const extra = { ...PUBLIC_ROUTES, 'GET /extra': async () => json(200, {}) };
    expect(() => httpFunction('public-api', extra, unused)).toThrow(/extra GET \/extra/);
  });

  it('reaches, through the local API Gateway, the very handler of each listed route', async ({ api }) => {
    for (const route of routes) {
      const path = route.path.replace(/\{[^}]+\}/g, 'nothing-here');
      const answer = await api.request(route.method, path, { headers: { 'content-type': 'text/plain' } });
      // Neither the gateway's own 404 (no such route) nor the function router's (no handler for it).
      expect(answer.text, routeKey(route)).not.toContain('"Not Found"');
      expect(answer.text, routeKey(route)).not.toContain('Route does not exist');
    }
  });
});
