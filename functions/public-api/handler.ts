import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import { type HttpEvent, type HttpResult, httpErrors, maxBodySize } from '../../shared/http/http';
import * as pages from '../../shared/web/public-routes';

const routes = httpRouterHandler<HttpEvent, HttpResult>([
  { method: 'POST', path: '/registrations', handler: pages.registerJson },
  { method: 'GET', path: '/register/{reviewId}', handler: pages.showRegistrationForm },
  { method: 'POST', path: '/register/{reviewId}', handler: pages.submitRegistrationForm },
  { method: 'GET', path: '/confirm', handler: pages.showConfirmation },
  { method: 'POST', path: '/confirm', handler: pages.submitConfirmation },
  { method: 'GET', path: '/manage', handler: pages.showManage },
  { method: 'POST', path: '/manage', handler: pages.submitManage },
  { method: 'POST', path: '/manage/cancel', handler: pages.submitCancellation },
  { method: 'GET', path: '/unsubscribe', handler: pages.showUnsubscribe },
  { method: 'POST', path: '/unsubscribe', handler: pages.submitUnsubscribe },
  { method: 'GET', path: '/privacy', handler: pages.showPrivacy },
]);

export const handler = middy<HttpEvent, HttpResult>()
  .use(httpErrors())
  .use(maxBodySize(16 * 1024))
  .handler(routes);
