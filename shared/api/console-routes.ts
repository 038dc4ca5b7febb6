import { canRead, canWrite } from '#domain/access';
import { NotFoundError, ValidationError } from '#domain/errors';
import { milestoneMarks, nextToFire } from '#domain/milestone-states';
import { planReview } from '#domain/plan';
import type { Review } from '#domain/review';
import { newReviewValues, reviewFormValues } from '#domain/review-form';
import { contributionsPage } from '#html/console-contributions';
import { invitationsPage } from '#html/console-invitations';
import { messageFormPage, messagesPage, roundPage } from '#html/console-messages';
import {
  consoleMessagePage,
  dashboardPage,
  registrantsPage,
  requestsPage,
  reviewPage,
} from '#html/console-pages';
import { interpretationPage } from '#html/console-planning';
import { registrantPage } from '#html/console-registrant';
import { reviewEditorPage, writableRegions } from '#html/console-review-editor';
import { formBody, formFiles } from '#http/body';
import { cookiesOf, setCookie } from '#http/cookies';
import { ForbiddenError } from '#http/errors';
import { type HttpEvent, type HttpResult, html, requestTime } from '#http/event';
import { pageLanguage } from '#i18n/languages';
import { translator } from '#i18n/translate';
import {
  type ConsoleSession,
  csrfHolds,
  finishSignIn,
  LOGIN_COOKIE,
  LOGIN_SECONDS,
  SESSION_COOKIE,
  SESSION_SECONDS,
  type SignIn,
  secureCookies,
  sessionOf,
  startSignIn,
} from '#services/console-session';
import { moderateContribution, reviewContributions } from '#services/contributions';
import { milestoneDeliveries, reviewRounds } from '#services/delivery-report';
import type { Needs } from '#services/dependencies';
import { interpretationNeeds } from '#services/interpretation-needs';
import { remindInvitees } from '#services/invitation-reminders';
import { importContacts, invitationsOverview } from '#services/invitations';
import { currentLinks, publicUrl } from '#services/links';
import { previewMessage, sendMessage } from '#services/one-off-messages';
import { eraseRegistrant, personalDataOf, retentionOf } from '#services/personal-data';
import { actOnRegistrant, registrantDetail } from '#services/registrant-actions';
import { allRegistrants, registrantList, reviewOrNotFound } from '#services/registrant-list';
import { decideRequest, listRequests } from '#services/requests';
import { showReview } from '#services/reviews';
import { deliveriesSheet } from './deliveries-sheet';
import { EXPORT_PART_ROWS, type ExportSettings, exportFile, partsOf } from './export-file';
import type { RouteTable } from './http-function';
import { interpretationSheet } from './interpretation-sheet';
import { messageFormValues, messageOfForm } from './message-form';
import { registrantsSheet } from './registrants-sheet';
import { submitReviewForm } from './review-editor';
import { canSeeRequest } from './staff-access';

export type ConsoleDependencies = Needs<
  'store' | 'scheduler' | 'mailer' | 'log' | 'site' | 'clock' | 'signingKey' | 'retention' | 'sending'
> &
  ExportSettings & { signIn: SignIn };

/** How many of the next milestones the dashboard lists. */
const NEXT_MILESTONES = 10;

const languageOf = (event: HttpEvent) =>
  pageLanguage({
    requested: event.queryStringParameters?.lang,
    acceptLanguage: event.headers?.['accept-language'],
  });

const redirect = (location: string, cookies: string[] = [], statusCode = 302): HttpResult => ({
  statusCode,
  headers: { location },
  ...(cookies.length > 0 ? { cookies } : {}),
  body: '',
});

const cookie = (deps: ConsoleDependencies, name: string, value: string, maxAge: number) =>
  setCookie(name, value, { path: '/console', maxAge, secure: secureCookies(deps.site) });

/** Who is signed in to the console, for the audit log. */
export const consoleActor = async (event: HttpEvent, deps: ConsoleDependencies) =>
  (await sessionOf(deps, cookiesOf(event)[SESSION_COOKIE]))?.principal;

/** A record of another region, or none: answered as a page of the console, in the reader's language. */
async function asPage(event: HttpEvent, answer: () => Promise<HttpResult>): Promise<HttpResult> {
  try {
    return await answer();
  } catch (error) {
    const language = languageOf(event);
    const t = translator(language);
    if (error instanceof ForbiddenError)
      return html(
        403,
        consoleMessagePage(language, 'console.forbidden', [t('console.forbidden.body')], false),
      );
    if (error instanceof NotFoundError)
      return html(404, consoleMessagePage(language, 'console.notFound', [t('console.notFound.body')], false));
    throw error;
  }
}

/** A console page for a signed-in member of staff; anyone else is sent to sign in. */
async function signedIn(
  event: HttpEvent,
  deps: ConsoleDependencies,
  page: (session: ConsoleSession) => Promise<HttpResult>,
): Promise<HttpResult> {
  const session = await sessionOf(deps, cookiesOf(event)[SESSION_COOKIE]);
  if (!session) return redirect(`/console/sign-in?lang=${languageOf(event)}`);
  return asPage(event, () => page(session));
}

/** The review a console route names, if the signed-in person may see it (`canRead`) or change it (`canWrite`). */
async function reviewAllowed(
  deps: ConsoleDependencies,
  event: HttpEvent,
  session: ConsoleSession,
  allowed: typeof canRead,
) {
  const review = await reviewOrNotFound(deps, event.pathParameters?.reviewId);
  if (!allowed(session.principal, review)) throw new ForbiddenError('this review is another region’s');
  return review;
}

/** A decision form's fields, as the admin API's JSON would give them: the token left out, empty fields absent. */
const decisionOf = (form: URLSearchParams) =>
  Object.fromEntries([...form].filter(([name, value]) => name !== 'csrf' && value !== ''));

/** The requests the signed-in person may see and decide. */
const visibleRequests = (
  deps: ConsoleDependencies,
  session: ConsoleSession,
  filter: { kind?: string; status?: string },
  now: Date,
) => listRequests(deps, filter, now, (request) => canSeeRequest(session.principal, request));

/** A console form's POST: a session, and the session's own token in the form, or 403. */
async function posted(
  event: HttpEvent,
  deps: ConsoleDependencies,
  action: (session: ConsoleSession, form: URLSearchParams) => Promise<HttpResult>,
): Promise<HttpResult> {
  return asPage(event, async () => {
    const session = await sessionOf(deps, cookiesOf(event)[SESSION_COOKIE]);
    const form = formBody(event);
    if (!session || !csrfHolds(session, form.get('csrf')))
      throw new ForbiddenError('this form is not from a console page of your session: reload the page');
    return action(session, form);
  });
}

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
      const waiting = (await visibleRequests(deps, session, { status: 'received' }, now)).requests.length;
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
      const changes = await deps.store.audit.list(`review:${view.review.reviewId}`);
      const retention = retentionOf(deps, view.review, requestTime(event));
      return html(200, reviewPage(languageOf(event), session, { ...view, changes, retention }));
    }),

  'GET /console/reviews/{reviewId}/registrants': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const now = requestTime(event);
      const review = await reviewAllowed(deps, event, session, canRead);
      const { format, lang: _lang, part, ...filter } = event.queryStringParameters ?? {};
      const list = await registrantList(deps, review, filter, now);
      if (format)
        return exportFile(
          registrantsSheet(list.registrants, languageOf(event)),
          { format, part },
          { filename: `${review.reviewId}-registrants`, partRows: deps.exportPartRows },
        );
      const parts = partsOf(list.shown, deps.exportPartRows);
      return html(
        200,
        registrantsPage(languageOf(event), session, review, planReview(review, now), list, parts),
      );
    }),

  'GET /console/reviews/{reviewId}/registrants/{email}': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const review = await reviewAllowed(deps, event, session, canRead);
      const detail = await registrantDetail(deps, review, event.pathParameters?.email, requestTime(event));
      return html(
        200,
        registrantPage(languageOf(event), session, review, detail, canWrite(session.principal, review)),
      );
    }),

  'POST /console/reviews/{reviewId}/registrants/{email}': async (event, deps) =>
    posted(event, deps, async (session, form) => {
      const now = requestTime(event);
      const language = languageOf(event);
      const review = await reviewAllowed(deps, event, session, canWrite);
      const email = event.pathParameters?.email;
      const back = `/console/reviews/${review.reviewId}/registrants/${encodeURIComponent(email ?? '')}?lang=${language}`;
      if (form.get('action') === 'cancel' && form.get('confirm') !== 'yes') {
        const detail = await registrantDetail(deps, review, email, now);
        if (detail.registrant.status === 'confirmed')
          return html(200, registrantPage(language, session, review, detail, true, undefined, true));
      }
      try {
        await actOnRegistrant(
          deps,
          review,
          email,
          form.get('action') ?? '',
          now,
          form.get('reason') || undefined,
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const detail = await registrantDetail(deps, review, email, now);
        const problem = error.issues.map((issue) => issue.message);
        return html(422, registrantPage(language, session, review, detail, true, problem));
      }
      return redirect(`${back}&done=${encodeURIComponent(form.get('action') ?? '')}`, [], 303);
    }),

  'GET /console/reviews/{reviewId}/registrants/{email}/data': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const review = await reviewAllowed(deps, event, session, canRead);
      const email = event.pathParameters?.email ?? '';
      const data = await personalDataOf(deps, review, email, requestTime(event));
      return {
        statusCode: 200,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="${review.reviewId}-registrant-data.json"`,
        },
        body: JSON.stringify(data, null, 2),
      };
    }),

  'POST /console/reviews/{reviewId}/registrants/{email}/erase': async (event, deps) =>
    posted(event, deps, async (session, form) => {
      const now = requestTime(event);
      const language = languageOf(event);
      const review = await reviewAllowed(deps, event, session, canWrite);
      const email = event.pathParameters?.email;
      if (form.get('confirm') !== 'yes') {
        const detail = await registrantDetail(deps, review, email, now);
        const problem = [translator(language)('console.erase.confirmNeeded')];
        return html(422, registrantPage(language, session, review, detail, true, problem));
      }
      await eraseRegistrant(deps, review, email, now);
      return redirect(`/console/reviews/${review.reviewId}/registrants?lang=${language}&erased=1`, [], 303);
    }),

  'GET /console/reviews/{reviewId}/interpretation': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const review = await reviewAllowed(deps, event, session, canRead);
      const { meetings, needs } = await interpretationNeeds(deps, review, requestTime(event));
      const { format, part } = event.queryStringParameters ?? {};
      if (format)
        return exportFile(
          interpretationSheet(meetings, needs, languageOf(event)),
          { format, part },
          // A row per meeting and language: always one part, which the console's page links.
          { filename: `${review.reviewId}-interpretation`, partRows: EXPORT_PART_ROWS },
        );
      return html(200, interpretationPage(languageOf(event), session, review, meetings, needs));
    }),

  'GET /console/reviews/{reviewId}/invitations': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const now = requestTime(event);
      const review = await reviewAllowed(deps, event, session, canRead);
      const query = event.queryStringParameters ?? {};
      const overview = await invitationsOverview(deps, review.reviewId, now);
      return html(
        200,
        invitationsPage(languageOf(event), session, review, overview, now, {
          mayChange: canWrite(session.principal, review),
          follow: query.follow !== 'no',
          shownUpload: query.upload,
        }),
      );
    }),

  /** A CSV file of contacts (or, without one, the CSV pasted), read and invited as the admin API's upload is. */
  'POST /console/reviews/{reviewId}/invitations': async (event, deps) =>
    posted(event, deps, async (session, form) => {
      const now = requestTime(event);
      const language = languageOf(event);
      const review = await reviewAllowed(deps, event, session, canWrite);
      const [file] = formFiles(event);
      const pasted = form.get('csv') ?? '';
      const page = `/console/reviews/${review.reviewId}/invitations?lang=${language}`;
      try {
        const csv = file?.text ?? pasted;
        if (!csv.trim())
          throw new ValidationError([
            { field: 'file', message: translator(language)('console.invitations.empty') },
          ]);
        const upload = await importContacts(deps, review.reviewId, csv, now);
        return redirect(`${page}&upload=${upload.importId}`, [], 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const overview = await invitationsOverview(deps, review.reviewId, now);
        const problem = error.issues.map((issue) => issue.message);
        return html(
          422,
          invitationsPage(language, session, review, overview, now, {
            mayChange: true,
            follow: false,
            problem,
            pasted,
          }),
        );
      }
    }),

  'POST /console/reviews/{reviewId}/invitations/reminders': async (event, deps) =>
    posted(event, deps, async (session) => {
      const now = requestTime(event);
      const language = languageOf(event);
      const review = await reviewAllowed(deps, event, session, canWrite);
      try {
        await remindInvitees(deps, review.reviewId, now);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const overview = await invitationsOverview(deps, review.reviewId, now);
        const problem = error.issues.map((issue) => issue.message);
        return html(
          422,
          invitationsPage(language, session, review, overview, now, {
            mayChange: true,
            follow: false,
            problem,
          }),
        );
      }
      return redirect(`/console/reviews/${review.reviewId}/invitations?lang=${language}`, [], 303);
    }),

  'GET /console/reviews/{reviewId}/contributions': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const review = await reviewAllowed(deps, event, session, canRead);
      const list = await reviewContributions(deps, review.reviewId, requestTime(event));
      return html(
        200,
        contributionsPage(languageOf(event), session, review, list, canWrite(session.principal, review)),
      );
    }),

  'POST /console/reviews/{reviewId}/contributions/{contributionId}': async (event, deps) =>
    posted(event, deps, async (session, form) => {
      const now = requestTime(event);
      const language = languageOf(event);
      const review = await reviewAllowed(deps, event, session, canWrite);
      const decision = decisionOf(form);
      try {
        await moderateContribution(
          deps,
          review.reviewId,
          event.pathParameters?.contributionId,
          decision,
          now,
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const list = await reviewContributions(deps, review.reviewId, now);
        const problem = {
          contributionId: event.pathParameters?.contributionId ?? '',
          messages: error.issues.map((issue) => `${issue.field}: ${issue.message}`),
        };
        return html(422, contributionsPage(language, session, review, list, true, problem));
      }
      return redirect(`/console/reviews/${review.reviewId}/contributions?lang=${language}`, [], 303);
    }),

  'GET /console/reviews/{reviewId}/messages': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const review = await reviewAllowed(deps, event, session, canRead);
      const { rounds } = await reviewRounds(deps, review.reviewId);
      const addresses = new Set(
        (await allRegistrants(deps, review.reviewId, requestTime(event))).map((r) => r.email.toLowerCase()),
      );
      const suppressed = (await deps.store.suppressions.list()).filter((s) =>
        addresses.has(s.email.toLowerCase()),
      );
      const sent = event.queryStringParameters?.sent;
      return html(
        200,
        messagesPage(
          languageOf(event),
          session,
          review,
          rounds,
          suppressed,
          canWrite(session.principal, review),
          sent,
        ),
      );
    }),

  'GET /console/reviews/{reviewId}/messages/round': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const review = await reviewAllowed(deps, event, session, canRead);
      const { milestone, at, format, part } = event.queryStringParameters ?? {};
      const report = await milestoneDeliveries(deps, review.reviewId, milestone, at, requestTime(event));
      if (format)
        return exportFile(
          deliveriesSheet(report.deliveries, languageOf(event)),
          { format, part },
          { filename: `${review.reviewId}-${report.round.milestoneId}`, partRows: deps.exportPartRows },
        );
      const parts = partsOf(report.total, deps.exportPartRows);
      return html(200, roundPage(languageOf(event), session, review, report, parts));
    }),

  'GET /console/reviews/{reviewId}/messages/new': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const review = await reviewAllowed(deps, event, session, canWrite);
      const plan = planReview(review, requestTime(event));
      return html(200, messageFormPage(languageOf(event), session, review, plan, {}));
    }),

  'POST /console/reviews/{reviewId}/messages': async (event, deps) =>
    posted(event, deps, async (session, form) => {
      const now = requestTime(event);
      const language = languageOf(event);
      const review = await reviewAllowed(deps, event, session, canWrite);
      const plan = planReview(review, now);
      const typed = messageFormValues(form);
      try {
        if (form.get('intent') === 'send') {
          const { messageId } = await sendMessage(deps, review.reviewId, messageOfForm(form), now);
          return redirect(
            `/console/reviews/${review.reviewId}/messages?lang=${language}&sent=${messageId}`,
            [],
            303,
          );
        }
        const preview = await previewMessage(
          deps,
          review.reviewId,
          messageOfForm(form),
          await currentLinks(deps),
        );
        return html(200, messageFormPage(language, session, review, plan, typed, { preview }));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const problems = error.issues.map((issue) => `${issue.field}: ${issue.message}`);
        return html(422, messageFormPage(language, session, review, plan, typed, { problems }));
      }
    }),

  'GET /console/requests': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const { requests } = await visibleRequests(deps, session, {}, requestTime(event));
      return html(200, requestsPage(languageOf(event), session, requests));
    }),

  'POST /console/requests/{requestId}': async (event, deps) =>
    posted(event, deps, async (session, form) => {
      const now = requestTime(event);
      const language = languageOf(event);
      const requestId = event.pathParameters?.requestId ?? '';
      const request = await deps.store.requests.get(requestId, now);
      if (request && !canSeeRequest(session.principal, request, true))
        throw new ForbiddenError('this request is another region’s');
      try {
        await decideRequest(deps, requestId, decisionOf(form), now);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const { requests } = await visibleRequests(deps, session, {}, now);
        const messages = error.issues.map((issue) => `${issue.field}: ${issue.message}`);
        return html(422, requestsPage(language, session, requests, { requestId, messages }));
      }
      return redirect(`/console/requests?lang=${language}`, [], 303);
    }),
};
