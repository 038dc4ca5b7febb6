/**
 * The HTTP API's routes: the one list that the CDK stack turns into API Gateway routes, that each HTTP function
 * builds its router from, and that the local runtime matches requests against. `auth: 'staff'` routes sit behind
 * the JWT authorizer in AWS and its local stand-in, and each says what `access` it needs, checked in one place
 * (`shared/api/staff-access.ts`).
 */
export const routes = [
  { method: 'GET', path: '/admin/reviews', fn: 'admin-api', auth: 'staff', access: 'listed' },
  { method: 'GET', path: '/admin/reviews/{reviewId}', fn: 'admin-api', auth: 'staff', access: 'review:read' },
  {
    method: 'PUT',
    path: '/admin/reviews/{reviewId}',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:write',
  },
  {
    method: 'DELETE',
    path: '/admin/reviews/{reviewId}',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:write',
  },
  {
    method: 'POST',
    path: '/admin/reviews/{reviewId}/invitations',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:write',
  },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}/invitations/{importId}',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:read',
  },
  {
    method: 'POST',
    path: '/admin/reviews/{reviewId}/invitations/reminders',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:write',
  },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}/deliveries/{milestoneId}',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:read',
  },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}/registrants/{email}/data',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:read',
  },
  {
    method: 'PUT',
    path: '/admin/reviews/{reviewId}/registrants/{email}',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:write',
  },
  {
    method: 'DELETE',
    path: '/admin/reviews/{reviewId}/registrants/{email}',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:write',
  },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}/rounds',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:read',
  },
  {
    method: 'POST',
    path: '/admin/reviews/{reviewId}/messages',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:write',
  },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}/contributions',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:read',
  },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}/contributions/accepted',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:read',
  },
  {
    method: 'PUT',
    path: '/admin/reviews/{reviewId}/contributions/{contributionId}',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:write',
  },
  {
    method: 'PUT',
    path: '/admin/reviews/{reviewId}/analytical-paper',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:write',
  },
  {
    method: 'PUT',
    path: '/admin/reviews/{reviewId}/meetings/{meetingId}/outcome',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:write',
  },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}/audit',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:read',
  },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}/registrants',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:read',
  },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}/interpretation',
    fn: 'admin-api',
    auth: 'staff',
    access: 'review:read',
  },
  { method: 'GET', path: '/admin/requests', fn: 'admin-api', auth: 'staff', access: 'listed' },
  {
    method: 'GET',
    path: '/admin/requests/{requestId}',
    fn: 'admin-api',
    auth: 'staff',
    access: 'request:read',
  },
  {
    method: 'PUT',
    path: '/admin/requests/{requestId}',
    fn: 'admin-api',
    auth: 'staff',
    access: 'request:write',
  },
  { method: 'GET', path: '/admin/suppressions', fn: 'admin-api', auth: 'staff', access: 'secretariat' },
  {
    method: 'GET',
    path: '/admin/suppressions/{email}',
    fn: 'admin-api',
    auth: 'staff',
    access: 'secretariat',
  },
  { method: 'GET', path: '/', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/timeline.json', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/calendar.ics', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/calendar/{feed}', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/registrations', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/register/{reviewId}', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/register/{reviewId}', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/confirm', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/confirm', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/manage', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/manage', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/manage/cancel', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/manage/data', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/proof-of-work.js', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/manage/erase', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/contribute/{reviewId}', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/contribute/{reviewId}', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/contributions/confirm', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/contributions/confirm', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/briefings/request', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/briefings/request', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/talks/propose', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/talks/propose', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/requests/confirm', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/requests/confirm', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/talks', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/unsubscribe', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/unsubscribe', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/privacy', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/console', fn: 'console', auth: 'none' },
  { method: 'GET', path: '/console/sign-in', fn: 'console', auth: 'none' },
  { method: 'GET', path: '/console/callback', fn: 'console', auth: 'none' },
  { method: 'POST', path: '/console/sign-out', fn: 'console', auth: 'none' },
  { method: 'GET', path: '/console/signed-out', fn: 'console', auth: 'none' },
  // Before `/console/reviews/{reviewId}`: the local gateway matches in this order, API Gateway the most specific.
  { method: 'GET', path: '/console/reviews/new', fn: 'console', auth: 'none' },
  { method: 'POST', path: '/console/reviews/new', fn: 'console', auth: 'none' },
  { method: 'GET', path: '/console/reviews/{reviewId}', fn: 'console', auth: 'none' },
  { method: 'GET', path: '/console/reviews/{reviewId}/edit', fn: 'console', auth: 'none' },
  { method: 'POST', path: '/console/reviews/{reviewId}/edit', fn: 'console', auth: 'none' },
  { method: 'GET', path: '/console/reviews/{reviewId}/registrants', fn: 'console', auth: 'none' },
  { method: 'GET', path: '/console/reviews/{reviewId}/registrants/{email}', fn: 'console', auth: 'none' },
  { method: 'POST', path: '/console/reviews/{reviewId}/registrants/{email}', fn: 'console', auth: 'none' },
  {
    method: 'GET',
    path: '/console/reviews/{reviewId}/registrants/{email}/data',
    fn: 'console',
    auth: 'none',
  },
  {
    method: 'POST',
    path: '/console/reviews/{reviewId}/registrants/{email}/erase',
    fn: 'console',
    auth: 'none',
  },
  { method: 'GET', path: '/console/reviews/{reviewId}/interpretation', fn: 'console', auth: 'none' },
  { method: 'GET', path: '/console/reviews/{reviewId}/contributions', fn: 'console', auth: 'none' },
  { method: 'GET', path: '/console/reviews/{reviewId}/invitations', fn: 'console', auth: 'none' },
  { method: 'POST', path: '/console/reviews/{reviewId}/invitations', fn: 'console', auth: 'none' },
  { method: 'POST', path: '/console/reviews/{reviewId}/invitations/reminders', fn: 'console', auth: 'none' },
  {
    method: 'POST',
    path: '/console/reviews/{reviewId}/contributions/{contributionId}',
    fn: 'console',
    auth: 'none',
  },
  { method: 'GET', path: '/console/reviews/{reviewId}/messages', fn: 'console', auth: 'none' },
  { method: 'GET', path: '/console/reviews/{reviewId}/messages/round', fn: 'console', auth: 'none' },
  { method: 'GET', path: '/console/reviews/{reviewId}/messages/new', fn: 'console', auth: 'none' },
  { method: 'POST', path: '/console/reviews/{reviewId}/messages', fn: 'console', auth: 'none' },
  { method: 'GET', path: '/console/requests', fn: 'console', auth: 'none' },
  { method: 'POST', path: '/console/requests/{requestId}', fn: 'console', auth: 'none' },
] as const satisfies readonly RouteShape[];

interface RouteShape {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** The console's routes are public to API Gateway: the function checks its session cookie itself. */
  fn: 'admin-api' | 'public-api' | 'console';
  auth: 'staff' | 'none';
  access?: StaffAccess;
}

/**
 * What a staff route needs of the signed-in person (`shared/domain/access.ts`): to read or to change the review
 * or request it names, to be the secretariat, or (`listed`) only to be staff, its answer holding only what they
 * may see.
 */
export type StaffAccess =
  | 'review:read'
  | 'review:write'
  | 'request:read'
  | 'request:write'
  | 'listed'
  | 'secretariat';

export type Route = (typeof routes)[number];
/** The functions behind the HTTP API. */
export type HttpFunctionName = Route['fn'];
/** `GET /admin/reviews`: how API Gateway names a route, and how each router's table is keyed. */
export type RouteKey<F extends HttpFunctionName = HttpFunctionName> =
  Extract<Route, { fn: F }> extends infer R
    ? R extends Route
      ? `${R['method']} ${R['path']}`
      : never
    : never;

export const routeKey = (route: Route): RouteKey => `${route.method} ${route.path}` as RouteKey;

export const routesOf = <F extends HttpFunctionName>(fn: F): Extract<Route, { fn: F }>[] =>
  routes.filter((route): route is Extract<Route, { fn: F }> => route.fn === fn);
