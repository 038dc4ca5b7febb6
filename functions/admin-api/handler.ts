import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import {
  type HttpEvent,
  type HttpResult,
  httpErrors,
  json,
  jsonBody,
  requestTime,
  requireGroup,
  textBody,
} from '../../shared/http/http';
import { schedulingTargetFromConfig } from '../../shared/scheduling/review-schedules';
import { milestoneDeliveries } from '../../shared/services/delivery-report';
import { importContacts, importProgress } from '../../shared/services/invitations';
import { cancelReview, listAllReviews, putReview, showReview } from '../../shared/services/reviews';
import { listAllSuppressions, showSuppression } from '../../shared/services/suppressions';

const reviewId = (event: HttpEvent) => event.pathParameters?.reviewId;

const routes = httpRouterHandler<HttpEvent, HttpResult>([
  {
    method: 'GET',
    path: '/admin/reviews',
    handler: async (event: HttpEvent) => json(200, { reviews: await listAllReviews(requestTime(event)) }),
  },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}',
    handler: async (event: HttpEvent) =>
      json(200, await showReview(schedulingTargetFromConfig(), reviewId(event), requestTime(event))),
  },
  {
    method: 'PUT',
    path: '/admin/reviews/{reviewId}',
    handler: async (event: HttpEvent) => {
      const { created, ...view } = await putReview(
        schedulingTargetFromConfig(),
        reviewId(event),
        jsonBody(event),
        requestTime(event),
      );
      return json(created ? 201 : 200, view);
    },
  },
  {
    method: 'POST',
    path: '/admin/reviews/{reviewId}/invitations',
    handler: async (event: HttpEvent) =>
      json(
        202,
        await importContacts(
          schedulingTargetFromConfig(),
          reviewId(event),
          textBody(event, 'text/csv'),
          requestTime(event),
        ),
      ),
  },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}/invitations/{importId}',
    handler: async (event: HttpEvent) =>
      json(200, await importProgress(reviewId(event), event.pathParameters?.importId)),
  },
  {
    method: 'GET',
    path: '/admin/reviews/{reviewId}/deliveries/{milestoneId}',
    handler: async (event: HttpEvent) =>
      json(
        200,
        await milestoneDeliveries(
          reviewId(event),
          event.pathParameters?.milestoneId,
          event.queryStringParameters?.at,
          requestTime(event),
        ),
      ),
  },
  {
    method: 'DELETE',
    path: '/admin/reviews/{reviewId}',
    handler: async (event: HttpEvent) =>
      json(200, await cancelReview(schedulingTargetFromConfig(), reviewId(event), requestTime(event))),
  },
  {
    method: 'GET',
    path: '/admin/suppressions',
    handler: async () => json(200, await listAllSuppressions()),
  },
  {
    method: 'GET',
    path: '/admin/suppressions/{email}',
    handler: async (event: HttpEvent) => json(200, await showSuppression(event.pathParameters?.email)),
  },
]);

export const handler = middy<HttpEvent, HttpResult>()
  .use(httpErrors())
  .use(requireGroup('secretariat'))
  .handler(routes);
