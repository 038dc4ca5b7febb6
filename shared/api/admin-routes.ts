import type { RouteTable } from '#api/http-function';
import { canRead } from '#domain/access';
import type { StakeholderRequest } from '#domain/request';
import type { Review } from '#domain/review';
import { principalFromEvent } from '#http/auth';
import { jsonBody, textBody } from '#http/body';
import { type HttpEvent, json, requestTime } from '#http/event';
import { Language } from '#i18n/languages';
import { publishOutcome, publishPaper } from '#services/announcements';
import { acceptedContributions, moderateContribution, reviewContributions } from '#services/contributions';
import { milestoneDeliveries } from '#services/delivery-report';
import type { Needs } from '#services/dependencies';
import { importContacts, importProgress } from '#services/invitations';
import { registrantList, reviewOrNotFound } from '#services/registrant-list';
import { decideRequest, listRequests, showRequest } from '#services/requests';
import { cancelReview, listAllReviews, putReview, showReview } from '#services/reviews';
import { listAllSuppressions, showSuppression } from '#services/suppressions';
import { contributionsCsv } from './contributions-csv';
import { registrantsCsv } from './registrants-csv';
import { canSeeRequest } from './staff-access';

export type AdminApiDependencies = Needs<'store' | 'scheduler' | 'mailer' | 'log' | 'site'>;

const param = (event: HttpEvent, name: string) => event.pathParameters?.[name];

/** The secretariat's JSON API: each route one service call. */
export const ADMIN_ROUTES: RouteTable<'admin-api', AdminApiDependencies> = {
  'GET /admin/reviews': async (event, deps) => {
    const principal = principalFromEvent(event);
    const visible = (review: Review) => canRead(principal, review);
    return json(200, { reviews: await listAllReviews(deps, requestTime(event), visible) });
  },

  'GET /admin/reviews/{reviewId}': async (event, deps) =>
    json(200, await showReview(deps, param(event, 'reviewId'), requestTime(event))),

  'PUT /admin/reviews/{reviewId}': async (event, deps) => {
    const { created, ...view } = await putReview(
      deps,
      param(event, 'reviewId'),
      jsonBody(event),
      requestTime(event),
    );
    return json(created ? 201 : 200, view);
  },

  'DELETE /admin/reviews/{reviewId}': async (event, deps) =>
    json(200, await cancelReview(deps, param(event, 'reviewId'), requestTime(event))),

  'POST /admin/reviews/{reviewId}/invitations': async (event, deps) =>
    json(
      202,
      await importContacts(deps, param(event, 'reviewId'), textBody(event, 'text/csv'), requestTime(event)),
    ),

  'GET /admin/reviews/{reviewId}/invitations/{importId}': async (event, deps) =>
    json(200, await importProgress(deps, param(event, 'reviewId'), param(event, 'importId'))),

  'GET /admin/reviews/{reviewId}/deliveries/{milestoneId}': async (event, deps) =>
    json(
      200,
      await milestoneDeliveries(
        deps,
        param(event, 'reviewId'),
        param(event, 'milestoneId'),
        event.queryStringParameters?.at,
        requestTime(event),
      ),
    ),

  'GET /admin/reviews/{reviewId}/contributions': async (event, deps) =>
    json(200, await reviewContributions(deps, param(event, 'reviewId'), requestTime(event))),

  /** For the analytical paper: JSON, or `?format=csv` for a spreadsheet. */
  'GET /admin/reviews/{reviewId}/contributions/accepted': async (event, deps) => {
    const accepted = await acceptedContributions(deps, param(event, 'reviewId'), requestTime(event));
    if (event.queryStringParameters?.format !== 'csv') return json(200, { contributions: accepted });
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${param(event, 'reviewId')}-contributions.csv"`,
      },
      body: contributionsCsv(accepted),
    };
  },

  'PUT /admin/reviews/{reviewId}/contributions/{contributionId}': async (event, deps) =>
    json(
      200,
      await moderateContribution(
        deps,
        param(event, 'reviewId'),
        param(event, 'contributionId'),
        jsonBody(event),
        requestTime(event),
      ),
    ),

  'PUT /admin/reviews/{reviewId}/analytical-paper': async (event, deps) =>
    json(200, await publishPaper(deps, param(event, 'reviewId'), jsonBody(event), requestTime(event))),

  'PUT /admin/reviews/{reviewId}/meetings/{meetingId}/outcome': async (event, deps) =>
    json(
      200,
      await publishOutcome(
        deps,
        param(event, 'reviewId'),
        param(event, 'meetingId'),
        jsonBody(event),
        requestTime(event),
      ),
    ),

  /** Every change made to the review, newest first: who, when, through which route, each field before and after. */
  'GET /admin/reviews/{reviewId}/audit': async (event, deps) => {
    const review = await reviewOrNotFound(deps, param(event, 'reviewId'));
    return json(200, { entries: await deps.store.audit.list(`review:${review.reviewId}`) });
  },

  /**
   * The review's registrants, filtered as the console filters them (`meeting`, `attendance`, `language`, `group`,
   * `country`, `status`, `q`), with their counts; `?format=csv` (and `lang`) for a spreadsheet.
   */
  'GET /admin/reviews/{reviewId}/registrants': async (event, deps) => {
    const review = await reviewOrNotFound(deps, param(event, 'reviewId'));
    const { format, lang, ...filter } = event.queryStringParameters ?? {};
    const list = await registrantList(deps, review, filter, requestTime(event));
    if (format !== 'csv') return json(200, list);
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${review.reviewId}-registrants.csv"`,
      },
      body: registrantsCsv(list.registrants, Language.safeParse(lang).data ?? 'en'),
    };
  },

  /** Briefing requests and GCM Talk proposals, newest first: `?kind=briefing|gcm-talk&status=received`. */
  'GET /admin/requests': async (event, deps) => {
    const principal = principalFromEvent(event);
    const filter = event.queryStringParameters ?? {};
    const visible = (request: StakeholderRequest) => canSeeRequest(principal, request);
    return json(200, await listRequests(deps, filter, requestTime(event), visible));
  },

  'GET /admin/requests/{requestId}': async (event, deps) =>
    json(200, await showRequest(deps, param(event, 'requestId'), requestTime(event))),

  'PUT /admin/requests/{requestId}': async (event, deps) =>
    json(200, await decideRequest(deps, param(event, 'requestId'), jsonBody(event), requestTime(event))),

  'GET /admin/suppressions': async (_event, deps) => json(200, await listAllSuppressions(deps)),

  'GET /admin/suppressions/{email}': async (event, deps) =>
    json(200, await showSuppression(deps, param(event, 'email'))),
};
