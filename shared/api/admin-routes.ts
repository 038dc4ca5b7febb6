import type { RouteTable } from '#api/http-function';
import { canRead } from '#domain/access';
import type { StakeholderRequest } from '#domain/request';
import type { Review } from '#domain/review';
import { principalFromEvent } from '#http/auth';
import { jsonBody, textBody } from '#http/body';
import { type HttpEvent, json, requestTime } from '#http/event';
import { pageRequestOf, withNext } from '#http/paging';
import { Language } from '#i18n/languages';
import { publishOutcome, publishPaper } from '#services/announcements';
import { decideRegistration } from '#services/approvals';
import { acceptedContributions, moderateContribution, reviewContributions } from '#services/contributions';
import { everyDelivery, milestoneDeliveries, reportedRound, reviewRounds } from '#services/delivery-report';
import type { Needs } from '#services/dependencies';
import { interpretationNeeds } from '#services/interpretation-needs';
import { remindInvitees } from '#services/invitation-reminders';
import { importContacts, importProgress } from '#services/invitations';
import { sendMessage } from '#services/one-off-messages';
import { eraseRegistrant, personalDataOf, retentionOf } from '#services/personal-data';
import { pageOfRegistrants, registrantList } from '#services/registrant-list';
import { decideRequest, listRequests, showRequest } from '#services/requests';
import {
  cancelReview,
  listReviews,
  putReview,
  reviewAudit,
  reviewOrNotFound,
  showReview,
} from '#services/reviews';
import { listSuppressions, showSuppression } from '#services/suppressions';
import type { Cursor } from '#store/pages';
import { contributionsCsv } from './contributions-csv';
import { deliveriesSheet } from './deliveries-sheet';
import { EXPORT_PART_ROWS, type ExportSettings, exportFile } from './export-file';
import { interpretationSheet } from './interpretation-sheet';
import { registrantListingQuery, registrantsSheet } from './registrants-sheet';
import { canSeeRequest } from './staff-access';

export type AdminApiDependencies = Needs<
  | 'store'
  | 'scheduler'
  | 'mailer'
  | 'log'
  | 'metrics'
  | 'site'
  | 'signingKey'
  | 'retention'
  | 'clock'
  | 'sending'
> &
  ExportSettings;

const param = (event: HttpEvent, name: string) => event.pathParameters?.[name];

/** The page of a listing the query asks for (`cursor`, `limit`); cursors are sealed under the link secret. */
const pageOf = async (event: HttpEvent, deps: Needs<'signingKey'>) =>
  pageRequestOf(event.queryStringParameters, await deps.signingKey());

/** A listing's answer's `next`, sealed. */
const nextOf = async (next: Cursor | undefined, deps: Needs<'signingKey'>) =>
  withNext(next, await deps.signingKey());

/** The language of an exported file: `?lang=`, else English. */
const exportLanguage = (event: HttpEvent) =>
  Language.safeParse(event.queryStringParameters?.lang).data ?? 'en';

/** The secretariat's JSON API: each route one service call. */
export const ADMIN_ROUTES: RouteTable<'admin-api', AdminApiDependencies> = {
  'GET /admin/reviews': async (event, deps) => {
    const principal = principalFromEvent(event);
    const visible = (review: Review) => canRead(principal, review);
    const { next, ...page } = await listReviews(deps, requestTime(event), await pageOf(event, deps), visible);
    return json(200, { ...page, ...(await nextOf(next, deps)) });
  },

  'GET /admin/reviews/{reviewId}': async (event, deps) => {
    const now = requestTime(event);
    const view = await showReview(deps, param(event, 'reviewId'), now);
    return json(200, { ...view, retention: retentionOf(deps, view.review, now) });
  },

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

  /** One email to each invitee who has not registered (nor opted out), in a round of its own a minute later. */
  'POST /admin/reviews/{reviewId}/invitations/reminders': async (event, deps) =>
    json(202, await remindInvitees(deps, param(event, 'reviewId'), requestTime(event))),

  /**
   * What became of each message of a round, a page of recipients at a time (`cursor`, `limit`); `?format=csv|xlsx`
   * (and `lang`) for the report as a file.
   */
  'GET /admin/reviews/{reviewId}/deliveries/{milestoneId}': async (event, deps) => {
    const { at, format, part } = event.queryStringParameters ?? {};
    const reviewId = param(event, 'reviewId');
    const round = await reportedRound(deps, reviewId, param(event, 'milestoneId'), at, requestTime(event));
    if (!format) {
      const { next, ...report } = await milestoneDeliveries(deps, round, await pageOf(event, deps));
      return json(200, { ...report, ...(await nextOf(next, deps)) });
    }
    return exportFile(
      deliveriesSheet(await everyDelivery(deps, round), exportLanguage(event)),
      { format, part },
      { filename: `${round.reviewId}-${round.milestoneId}-deliveries`, partRows: deps.exportPartRows },
    );
  },

  'GET /admin/reviews/{reviewId}/registrants/{email}/data': async (event, deps) => {
    const review = await reviewOrNotFound(deps, param(event, 'reviewId'));
    return json(200, await personalDataOf(deps, review, param(event, 'email') ?? '', requestTime(event)));
  },

  'PUT /admin/reviews/{reviewId}/registrants/{email}': async (event, deps) => {
    const review = await reviewOrNotFound(deps, param(event, 'reviewId'));
    return json(
      200,
      await decideRegistration(deps, review, param(event, 'email'), jsonBody(event), requestTime(event)),
    );
  },

  'DELETE /admin/reviews/{reviewId}/registrants/{email}': async (event, deps) => {
    const review = await reviewOrNotFound(deps, param(event, 'reviewId'));
    return json(200, await eraseRegistrant(deps, review, param(event, 'email'), requestTime(event)));
  },

  'GET /admin/reviews/{reviewId}/rounds': async (event, deps) => {
    const { next, ...page } = await reviewRounds(deps, param(event, 'reviewId'), await pageOf(event, deps));
    return json(200, { ...page, ...(await nextOf(next, deps)) });
  },

  'POST /admin/reviews/{reviewId}/messages': async (event, deps) =>
    json(202, await sendMessage(deps, param(event, 'reviewId'), jsonBody(event), requestTime(event))),

  'GET /admin/reviews/{reviewId}/contributions': async (event, deps) => {
    const { next, ...page } = await reviewContributions(
      deps,
      param(event, 'reviewId'),
      await pageOf(event, deps),
    );
    return json(200, { ...page, ...(await nextOf(next, deps)) });
  },

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
    const { next, ...page } = await reviewAudit(deps, param(event, 'reviewId'), await pageOf(event, deps));
    return json(200, { ...page, ...(await nextOf(next, deps)) });
  },

  /**
   * The review's registrants, filtered as the console filters them (`meeting`, `attendance`, `language`, `group`,
   * `country`, `status`, `q`), with their counts; `?format=csv|xlsx` (and `lang`) for a spreadsheet, in parts
   * (`part`) when there are more than a part holds.
   */
  'GET /admin/reviews/{reviewId}/registrants': async (event, deps) => {
    const review = await reviewOrNotFound(deps, param(event, 'reviewId'));
    const { format, part, filter } = registrantListingQuery(event.queryStringParameters);
    const list = await registrantList(deps, review, filter, requestTime(event));
    if (!format) {
      const { next, ...page } = pageOfRegistrants(list, await pageOf(event, deps));
      return json(200, { ...page, ...(await nextOf(next, deps)) });
    }
    return exportFile(
      registrantsSheet(list.registrants, exportLanguage(event)),
      { format, part },
      { filename: `${review.reviewId}-registrants`, partRows: deps.exportPartRows },
    );
  },

  /** Per meeting, its confirmed registrants by language and attendance; `?format=csv|xlsx` (and `lang`) as a file. */
  'GET /admin/reviews/{reviewId}/interpretation': async (event, deps) => {
    const review = await reviewOrNotFound(deps, param(event, 'reviewId'));
    const { meetings, needs } = await interpretationNeeds(deps, review, requestTime(event));
    const { format, part } = event.queryStringParameters ?? {};
    if (!format) return json(200, { reviewId: review.reviewId, meetings: needs });
    return exportFile(
      interpretationSheet(meetings, needs, exportLanguage(event)),
      { format, part },
      // A row per meeting and language: always one part, which the console's page links.
      { filename: `${review.reviewId}-interpretation`, partRows: EXPORT_PART_ROWS },
    );
  },

  /** Briefing requests and GCM Talk proposals, newest first: `?kind=briefing|gcm-talk&status=received`. */
  'GET /admin/requests': async (event, deps) => {
    const principal = principalFromEvent(event);
    const filter = event.queryStringParameters ?? {};
    const visible = (request: StakeholderRequest) => canSeeRequest(principal, request);
    const { next, ...page } = await listRequests(
      deps,
      filter,
      requestTime(event),
      await pageOf(event, deps),
      visible,
    );
    return json(200, { ...page, ...(await nextOf(next, deps)) });
  },

  'GET /admin/requests/{requestId}': async (event, deps) =>
    json(200, await showRequest(deps, param(event, 'requestId'), requestTime(event))),

  'PUT /admin/requests/{requestId}': async (event, deps) =>
    json(200, await decideRequest(deps, param(event, 'requestId'), jsonBody(event), requestTime(event))),

  'GET /admin/suppressions': async (event, deps) => {
    const { next, ...page } = await listSuppressions(deps, await pageOf(event, deps));
    return json(200, { ...page, ...(await nextOf(next, deps)) });
  },

  'GET /admin/suppressions/{email}': async (event, deps) =>
    json(200, await showSuppression(deps, param(event, 'email'))),
};
