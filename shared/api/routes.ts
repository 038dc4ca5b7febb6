/**
 * The HTTP API's routes, read by the CDK stack (to create API Gateway routes) and by the local runtime (to turn
 * requests into API Gateway v2 events for the same handlers). `auth: 'secretariat'` routes sit behind the JWT
 * authorizer in AWS and behind the admin bearer token locally.
 */
export type FunctionName = 'admin-api' | 'public-api';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  fn: FunctionName;
  auth: 'secretariat' | 'none';
}

export const routes: readonly Route[] = [
  { method: 'GET', path: '/admin/reviews', fn: 'admin-api', auth: 'secretariat' },
  { method: 'GET', path: '/admin/reviews/{reviewId}', fn: 'admin-api', auth: 'secretariat' },
  { method: 'PUT', path: '/admin/reviews/{reviewId}', fn: 'admin-api', auth: 'secretariat' },
  { method: 'DELETE', path: '/admin/reviews/{reviewId}', fn: 'admin-api', auth: 'secretariat' },
  { method: 'POST', path: '/admin/reviews/{reviewId}/invitations', fn: 'admin-api', auth: 'secretariat' },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}/invitations/{importId}',
    fn: 'admin-api',
    auth: 'secretariat',
  },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}/deliveries/{milestoneId}',
    fn: 'admin-api',
    auth: 'secretariat',
  },
  { method: 'GET', path: '/admin/suppressions', fn: 'admin-api', auth: 'secretariat' },
  { method: 'GET', path: '/admin/suppressions/{email}', fn: 'admin-api', auth: 'secretariat' },
  { method: 'POST', path: '/registrations', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/register/{reviewId}', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/register/{reviewId}', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/confirm', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/confirm', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/manage', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/manage', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/manage/cancel', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/unsubscribe', fn: 'public-api', auth: 'none' },
  { method: 'POST', path: '/unsubscribe', fn: 'public-api', auth: 'none' },
  { method: 'GET', path: '/privacy', fn: 'public-api', auth: 'none' },
];

export const routeKey = (route: Route): string => `${route.method} ${route.path}`;
