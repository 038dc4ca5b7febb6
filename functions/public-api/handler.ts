import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import { tokenKey } from '../../shared/aws/token-key';
import {
  formBody,
  type HttpEvent,
  type HttpResult,
  html,
  httpErrors,
  json,
  jsonBody,
  requestTime,
} from '../../shared/http/http';
import { confirmedPage, confirmFormPage, invalidLinkPage } from '../../shared/pages/registration-pages';
import { confirm, register } from '../../shared/services/registration';

const routes = httpRouterHandler<HttpEvent, HttpResult>([
  {
    method: 'POST',
    path: '/registrations',
    handler: async (event: HttpEvent) => {
      await register(jsonBody(event), requestTime(event), await tokenKey());
      return json(202, {
        message: 'Thank you. If this address can be registered, a confirmation link is on its way to it.',
      });
    },
  },
  {
    method: 'GET',
    path: '/confirm',
    handler: async (event: HttpEvent) => {
      const token = event.queryStringParameters?.token;
      return token ? html(200, confirmFormPage(token)) : html(400, invalidLinkPage('malformed'));
    },
  },
  {
    method: 'POST',
    path: '/confirm',
    handler: async (event: HttpEvent) => {
      const outcome = await confirm(formBody(event).token ?? '', requestTime(event), await tokenKey());
      if (outcome.status === 'invalid') return html(400, invalidLinkPage(outcome.reason));
      return html(200, confirmedPage(outcome.reviewTitle, outcome.status === 'already-confirmed'));
    },
  },
]);

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(routes);
