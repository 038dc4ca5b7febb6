import { canRead, canWrite } from '#domain/access';
import { milestoneMarks, nextToFire } from '#domain/milestone-states';
import { planReview } from '#domain/plan';
import type { Review } from '#domain/review';
import { newReviewValues, reviewFormValues } from '#domain/review-form';
import { contributionsPage } from '#html/console-contributions';
import { consoleMessagePage, dashboardPage, requestsPage, reviewPage } from '#html/console-pages';
import { reviewEditorPage, writableRegions } from '#html/console-review-editor';
import { cookiesOf } from '#http/cookies';
import { ForbiddenError } from '#http/errors';
import { type HttpEvent, type HttpResult, html, requestTime } from '#http/event';
import { translator } from '#i18n/translate';
import {
  type ConsoleSession,
  finishSignIn,
  LOGIN_COOKIE,
  LOGIN_SECONDS,
  SESSION_COOKIE,
  SESSION_SECONDS,
  startSignIn,
} from '#services/console-session';
import { moderateContribution, reviewContributions } from '#services/contributions';
import { publicUrl } from '#services/links';
import { retentionOf } from '#services/personal-data';
import { decideRequest, requestsWaiting } from '#services/requests';
import { reviewAudit, showReview } from '#services/reviews';
import {
  type ConsoleDependencies,
  cookie,
  decisionOf,
  languageOf,
  pageOf,
  pagingOf,
  posted,
  redirect,
  refusedWith,
  reviewAllowed,
  signedIn,
  visibleRequests,
} from './console-kit';
import { CONSOLE_OUTREACH_ROUTES } from './console-outreach-routes';
import { CONSOLE_REGISTRANT_ROUTES } from './console-registrant-routes';
import type { RouteTable } from './http-function';
import { submitReviewForm } from './review-editor';
import { canSeeRequest } from './staff-access';

/** How many of the next milestones the dashboard lists. */
const NEXT_MILESTONES = 10;

/** The review editor's POST: to the review's page once saved, else the editor again with its preview or problems. */
async function editorAnswer(
  event: HttpEvent,
  deps: ConsoleDependencies,
  session: ConsoleSession,
  form: URLSearchParams,
  existing?: Review,
): Promise<HttpResult> {
  const language = languageOf(event);
  const outcome = await submitReviewForm(deps, session.principal, form, existing, requestTime(event));
  if ('saved' in outcome) return redirect(`/console/reviews/${outcome.saved}?lang=${language}`, [], 303);
  return html(outcome.status, reviewEditorPage(language, session, outcome.state));
}

/**
 * The secretariat's console, server-rendered in the reader's language: sign-in through the identity provider
 * (Cognito's managed login in AWS, the local user pool on a laptop), then pages scoped to what the person may see,
 * as the admin API is.
 */
export const CONSOLE_ROUTES: RouteTable<'console', ConsoleDependencies> = {
  'GET /console': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const now = requestTime(event);
      const visible = (await deps.store.reviews.list())
        .filter((review) => canRead(session.principal, review))
        .sort((a, b) => a.reviewId.localeCompare(b.reviewId));
      const reviews = await Promise.all(
        visible.map(async (review) => {
          const plan = planReview(review, now);
          const scheduled = new Set(
            (await deps.scheduler.listReview(review.reviewId)).map((s) => s.milestoneId),
          );
          return { review, plan, scheduled, marks: milestoneMarks(review, plan, scheduled) };
        }),
      );
      const next = nextToFire(
        reviews.map(({ review, plan, scheduled }) => ({ of: { review, plan }, plan, scheduled })),
        NEXT_MILESTONES,
      ).map(({ of, milestone, state }) => ({ ...of, milestone, state }));
      const waiting = await requestsWaiting(deps, now, (request) =>
        canSeeRequest(session.principal, request),
      );
      return html(200, dashboardPage(languageOf(event), session, reviews, next, waiting));
    }),

  'GET /console/sign-in': async (_event, deps) => {
    const { location, login } = startSignIn(deps);
    return redirect(location, [cookie(deps, LOGIN_COOKIE, login, LOGIN_SECONDS)]);
  },

  'GET /console/callback': async (event, deps) => {
    const language = languageOf(event);
    const t = translator(language);
    const query = event.queryStringParameters ?? {};
    const outcome = await finishSignIn(deps, query, cookiesOf(event)[LOGIN_COOKIE]);
    const forgetLogin = cookie(deps, LOGIN_COOKIE, '', 0);
    if (!outcome.ok) {
      const page = consoleMessagePage(language, 'console.signInFailed', [
        t(`console.signIn.${outcome.reason}`),
      ]);
      return { ...html(outcome.reason === 'not-staff' ? 403 : 400, page), cookies: [forgetLogin] };
    }
    return redirect(`/console?lang=${language}`, [
      forgetLogin,
      cookie(deps, SESSION_COOKIE, outcome.idToken, SESSION_SECONDS),
    ]);
  },

  'POST /console/sign-out': async (event, deps) =>
    posted(event, deps, async () =>
      redirect(
        deps.signIn.logoutUrl(publicUrl(deps.site, 'console/signed-out')),
        [cookie(deps, SESSION_COOKIE, '', 0)],
        303,
      ),
    ),

  'GET /console/signed-out': async (event) => {
    const language = languageOf(event);
    return html(
      200,
      consoleMessagePage(language, 'console.signedOut', [translator(language)('console.signedOut.body')]),
    );
  },

  'GET /console/reviews/new': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const values = newReviewValues(writableRegions(session.principal)[0]);
      return html(200, reviewEditorPage(languageOf(event), session, { values, issues: [] }));
    }),

  'POST /console/reviews/new': async (event, deps) =>
    posted(event, deps, async (session, form) => editorAnswer(event, deps, session, form)),

  'GET /console/reviews/{reviewId}/edit': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const review = await reviewAllowed(deps, event, session, canWrite);
      const state = { review, values: reviewFormValues(review), issues: [] };
      return html(200, reviewEditorPage(languageOf(event), session, state));
    }),

  'POST /console/reviews/{reviewId}/edit': async (event, deps) =>
    posted(event, deps, async (session, form) =>
      editorAnswer(event, deps, session, form, await reviewAllowed(deps, event, session, canWrite)),
    ),

  'GET /console/reviews/{reviewId}': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const view = await showReview(deps, event.pathParameters?.reviewId, requestTime(event));
      if (!canRead(session.principal, view.review))
        throw new ForbiddenError('this review is another region’s');
      const { entries: changes, next } = await reviewAudit(
        deps,
        view.review.reviewId,
        await pageOf(event, deps),
      );
      const retention = retentionOf(deps, view.review, requestTime(event));
      const changesPaging = await pagingOf(event, next, deps);
      return html(
        200,
        reviewPage(languageOf(event), session, { ...view, changes, changesPaging, retention }),
      );
    }),

  'GET /console/reviews/{reviewId}/contributions': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const review = await reviewAllowed(deps, event, session, canRead);
      const { next, ...list } = await reviewContributions(deps, review.reviewId, await pageOf(event, deps));
      const paging = await pagingOf(event, next, deps);
      const mayDecide = canWrite(session.principal, review);
      return html(200, contributionsPage(languageOf(event), session, review, list, paging, mayDecide));
    }),

  'POST /console/reviews/{reviewId}/contributions/{contributionId}': async (event, deps) =>
    posted(event, deps, async (session, form) => {
      const now = requestTime(event);
      const language = languageOf(event);
      const review = await reviewAllowed(deps, event, session, canWrite);
      const contributionId = event.pathParameters?.contributionId;
      return refusedWith(
        async () => {
          await moderateContribution(deps, review.reviewId, contributionId, decisionOf(form), now);
          return redirect(`/console/reviews/${review.reviewId}/contributions?lang=${language}`, [], 303);
        },
        async (issues) => {
          const { next, ...list } = await reviewContributions(
            deps,
            review.reviewId,
            await pageOf(event, deps),
          );
          const problem = {
            contributionId: contributionId ?? '',
            messages: issues.map((issue) => `${issue.field}: ${issue.message}`),
          };
          return contributionsPage(
            language,
            session,
            review,
            list,
            await pagingOf(event, next, deps),
            true,
            problem,
          );
        },
      );
    }),

  'GET /console/requests': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const { requests, next } = await visibleRequests(
        deps,
        session,
        requestTime(event),
        await pageOf(event, deps),
      );
      return html(200, requestsPage(languageOf(event), session, requests, await pagingOf(event, next, deps)));
    }),

  'POST /console/requests/{requestId}': async (event, deps) =>
    posted(event, deps, async (session, form) => {
      const now = requestTime(event);
      const language = languageOf(event);
      const requestId = event.pathParameters?.requestId ?? '';
      const request = await deps.store.requests.get(requestId, now);
      if (request && !canSeeRequest(session.principal, request, true))
        throw new ForbiddenError('this request is another region’s');
      return refusedWith(
        async () => {
          await decideRequest(deps, requestId, decisionOf(form), now);
          return redirect(`/console/requests?lang=${language}`, [], 303);
        },
        async (issues) => {
          const { requests, next } = await visibleRequests(deps, session, now, await pageOf(event, deps));
          const messages = issues.map((issue) => `${issue.field}: ${issue.message}`);
          return requestsPage(language, session, requests, await pagingOf(event, next, deps), {
            requestId,
            messages,
          });
        },
      );
    }),

  ...CONSOLE_REGISTRANT_ROUTES,
  ...CONSOLE_OUTREACH_ROUTES,
};
