import type { Challenge } from 'altcha-lib';
import type { RouteTable } from '#api/http-function';
import { type FieldIssue, NotFoundError, ValidationError } from '#domain/errors';
import { Region } from '#domain/regions';
import { RegistrationForm, RegistrationInput } from '#domain/registrant';
import { reviewTitle } from '#domain/wording';
import {
  contributionConfirmPage,
  contributionFormPage,
  contributionsClosedPage,
} from '#html/contribution-pages';
import { homePage } from '#html/home-page';
import { PROOF_OF_WORK_SCRIPT } from '#html/proof-of-work-script';
import {
  confirmedPage,
  confirmFormPage,
  type FormField,
  invalidLinkPage,
  managePage,
  privacyPage,
  registrationClosedPage,
  registrationFormPage,
  registrationSentPage,
  simplePage,
  tooManyAttemptsPage,
  unsubscribedPage,
  unsubscribePage,
} from '#html/registration-pages';
import {
  type BriefingFormState,
  briefingRequestPage,
  requestConfirmPage,
  requestValues,
  type TalkFormState,
  talkProposalPage,
} from '#html/request-pages';
import { talksPage } from '#html/talks-page';
import { formBody, jsonBody } from '#http/body';
import { type HttpEvent, type HttpResult, html, json, jsonFile, requestTime } from '#http/event';
import { type Language, pageLanguage } from '#i18n/languages';
import { translator } from '#i18n/translate';
import {
  checkContributionLink,
  confirmContribution,
  reviewOpenToContributions,
  submitContribution,
} from '#services/contributions';
import type { Needs } from '#services/dependencies';
import { publicUrl } from '#services/links';
import { eraseRegistrant, personalDataOf, retentionOf } from '#services/personal-data';
import { ProofNeededError } from '#services/proof-of-work';
import {
  cancelRegistration,
  changeRegistration,
  checkConfirmationLink,
  confirm,
  invitationPrefill,
  type ManageContext,
  manageContext,
  openReview,
  RateLimitedError,
  register,
} from '#services/registration';
import { checkRequestLink, confirmRequest, submitRequest } from '#services/requests';
import { cycleTimeline, heldReviews, publicTalks } from '#services/timeline';
import { checkUnsubscribeLink, unsubscribe } from '#services/unsubscribe';
import { calendarFeed } from './calendar-feed';
import {
  invalidBriefingFields,
  invalidContributionFields,
  invalidFields,
  invalidTalkFields,
  readBriefingForm,
  readContributionForm,
  readRegistrationForm,
  readTalkForm,
} from './forms';

export type PublicApiDependencies = Needs<
  'store' | 'mailer' | 'log' | 'metrics' | 'signingKey' | 'site' | 'clock' | 'sending' | 'retention'
>;

/** The page's language: `?lang=`, else the registrant's own choice, else the browser's. */
const languageOf = (event: HttpEvent, registrant?: Language) =>
  pageLanguage({
    requested: event.queryStringParameters?.lang,
    registrant,
    acceptLanguage: event.headers?.['accept-language'],
  });

const clientOf = (event: HttpEvent) => event.requestContext.http.sourceIp;
const query = (event: HttpEvent, name: string) => event.queryStringParameters?.[name] ?? '';
/** The proof of work the page's script put in a busy network's form, if any. */
const proofOf = (body: URLSearchParams) => body.get('proof') ?? undefined;

/**
 * The public routes: the stakeholder's side, as pages that work without JavaScript, and the JSON registration
 * endpoint. Each maps a request to a service call and the outcome to a page in the reader's language.
 */
export const PUBLIC_ROUTES: RouteTable<'public-api', PublicApiDependencies> = {
  'GET /': async (event, deps) => {
    const timeline = await cycleTimeline(deps, event.queryStringParameters?.cycle, requestTime(event));
    return html(200, homePage(languageOf(event), timeline));
  },

  'GET /timeline.json': async (event, deps) =>
    json(200, await cycleTimeline(deps, event.queryStringParameters?.cycle, requestTime(event))),

  'GET /calendar.ics': async (event, deps) => calendarAnswer(event, deps),

  /** One region's meetings: `/calendar/europe.ics`. */
  'GET /calendar/{feed}': async (event, deps) => {
    const region = Region.safeParse(/^(.+)\.ics$/.exec(event.pathParameters?.feed ?? '')?.[1]);
    if (!region.success) throw new NotFoundError(`calendar ${event.pathParameters?.feed}`);
    return calendarAnswer(event, deps, region.data);
  },

  'POST /registrations': async (event, deps) => {
    const proof = event.headers?.['x-proof-of-work'];
    try {
      await register(deps, jsonBody(event), requestTime(event), clientOf(event), RegistrationInput, proof);
    } catch (error) {
      if (error instanceof RateLimitedError) return json(429, { error: error.message });
      if (error instanceof ProofNeededError)
        return json(429, { error: error.message, challenge: error.challenge });
      throw error;
    }
    return json(202, { message: translator(languageOf(event))('register.sent.body') });
  },

  'GET /register/{reviewId}': async (event, deps) => {
    const language = languageOf(event);
    const now = requestTime(event);
    const open = await openReview(deps, event.pathParameters?.reviewId ?? '', now);
    if (!open) return html(404, registrationClosedPage(language));
    const invitation = query(event, 'invitation');
    const values = invitation ? await invitationPrefill(deps, invitation, open.review.reviewId, now) : {};
    const context = { review: open.review, meetings: open.plan.meetings };
    return html(200, registrationFormPage(language, context, { values, errors: [] }));
  },

  'POST /register/{reviewId}': async (event, deps) => {
    const language = languageOf(event);
    const now = requestTime(event);
    const reviewId = event.pathParameters?.reviewId ?? '';
    const open = await openReview(deps, reviewId, now);
    if (!open) return html(404, registrationClosedPage(language));
    const body = formBody(event);
    const { input, values, isBot } = readRegistrationForm(body, reviewId);
    // A bot that filled the trap field gets the very answer a person gets, and nothing is recorded.
    if (isBot) return html(200, registrationSentPage(language));
    const context = { review: open.review, meetings: open.plan.meetings };
    try {
      await register(deps, input, now, clientOf(event), RegistrationForm, proofOf(body));
    } catch (error) {
      const refused = refusedForm(error, language, (challenge) =>
        registrationFormPage(language, context, { values, errors: [], challenge }),
      );
      if (refused) return refused;
      if (!(error instanceof ValidationError)) throw error;
      return html(
        422,
        registrationFormPage(language, context, { values, errors: invalidFields(error.issues) }),
      );
    }
    return html(200, registrationSentPage(language));
  },

  'GET /confirm': async (event, deps) => {
    const language = languageOf(event);
    const token = query(event, 'token');
    const check = await checkConfirmationLink(deps, token, requestTime(event));
    if (!check.ok) return html(400, invalidLinkPage(language, check.reason));
    return html(200, confirmFormPage(language, check.review, token));
  },

  'POST /confirm': async (event, deps) => {
    const outcome = await confirm(deps, formBody(event).get('token') ?? '', requestTime(event));
    if (outcome.status === 'invalid') return html(400, invalidLinkPage(languageOf(event), outcome.reason));
    if (outcome.status === 'organisation-full') {
      const language = languageOf(event);
      const t = translator(language);
      const body = t('confirmed.organisationFull', {
        cap: outcome.cap,
        review: reviewTitle(outcome.review, t),
      });
      return html(409, simplePage(language, 'confirmed.organisationFull.title', [body]));
    }
    const language = languageOf(event, outcome.registrant.language);
    const already = outcome.status === 'already-confirmed';
    const awaiting = outcome.registrant.status === 'awaiting-approval';
    return html(200, confirmedPage(language, outcome.review, already, outcome.waitlisted, awaiting));
  },

  'GET /manage': async (event, deps) => {
    const token = query(event, 'token');
    return manageAnswer(deps, event, token, await manageContext(deps, token, requestTime(event)));
  },

  'POST /manage': async (event, deps) => {
    const body = formBody(event);
    const token = body.get('token') ?? '';
    const change = {
      meetings: body.getAll('meetings'),
      attendanceMode: body.get('attendanceMode') ?? 'online',
      language: body.get('language'),
    };
    const now = requestTime(event);
    let context: ManageContext;
    try {
      context = await changeRegistration(deps, token, change, now);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return manageAnswer(
        deps,
        event,
        token,
        await manageContext(deps, token, now),
        invalidFields(error.issues),
      );
    }
    if (!context.ok) return manageAnswer(deps, event, token, context);
    const language = languageOf(event, context.registrant.language);
    const t = translator(language);
    return html(200, simplePage(language, 'manage.saved.title', [t('manage.saved.body')]));
  },

  'POST /manage/cancel': async (event, deps) => {
    const token = formBody(event).get('token') ?? '';
    const context = await cancelRegistration(deps, token, requestTime(event));
    if (!context.ok) return manageAnswer(deps, event, token, context);
    const language = languageOf(event, context.registrant.language);
    const t = translator(language);
    const body = t('manage.cancelled.body', { review: reviewTitle(context.review, t) });
    return html(200, simplePage(language, 'manage.cancelled.title', [body]));
  },

  'POST /manage/data': async (event, deps) => {
    const token = formBody(event).get('token') ?? '';
    const now = requestTime(event);
    const context = await manageContext(deps, token, now);
    if (!context.ok) return manageAnswer(deps, event, token, context);
    const data = await personalDataOf(deps, context.review, context.registrant.email, now);
    return jsonFile(`${context.review.reviewId}-my-data.json`, data);
  },

  'POST /manage/erase': async (event, deps) => {
    const form = formBody(event);
    const token = form.get('token') ?? '';
    const now = requestTime(event);
    const context = await manageContext(deps, token, now);
    if (!context.ok) return manageAnswer(deps, event, token, context);
    const language = languageOf(event, context.registrant.language);
    const t = translator(language);
    if (form.get('confirm') !== 'yes') return manageAnswer(deps, event, token, context, [], true);
    await eraseRegistrant(deps, context.review, context.registrant.email, now);
    const body = t('manage.erased.body', { review: reviewTitle(context.review, t) });
    return html(200, simplePage(language, 'manage.erased.title', [body]));
  },

  'GET /contribute/{reviewId}': async (event, deps) => {
    const language = languageOf(event);
    const review = await reviewOpenToContributions(deps, event.pathParameters?.reviewId ?? '');
    if (!review) return html(404, contributionsClosedPage(language));
    return html(200, contributionFormPage(language, review, { values: {}, errors: [] }));
  },

  'POST /contribute/{reviewId}': async (event, deps) => {
    const language = languageOf(event);
    const t = translator(language);
    const review = await reviewOpenToContributions(deps, event.pathParameters?.reviewId ?? '');
    if (!review) return html(404, contributionsClosedPage(language));
    const body = formBody(event);
    const { input, values, isBot } = readContributionForm(body, review.reviewId);
    const sent = simplePage(language, 'register.sent.title', [t('contribute.sent.body')]);
    // A bot that filled the trap field gets the very answer a person gets, and nothing is recorded.
    if (isBot) return html(200, sent);
    try {
      await submitContribution(deps, input, requestTime(event), clientOf(event), proofOf(body));
    } catch (error) {
      const refused = refusedForm(error, language, (challenge) =>
        contributionFormPage(language, review, { values, errors: [], challenge }),
      );
      if (refused) return refused;
      if (!(error instanceof ValidationError)) throw error;
      const errors = invalidContributionFields(error.issues);
      return html(422, contributionFormPage(language, review, { values, errors }));
    }
    return html(200, sent);
  },

  /** Opening the emailed link only shows a button, so that link scanners send nothing. */
  'GET /contributions/confirm': async (event, deps) => {
    const language = languageOf(event);
    const token = query(event, 'token');
    const link = await checkContributionLink(deps, token, requestTime(event));
    if (!link.ok) return html(400, invalidLinkPage(language, link.reason));
    return html(200, contributionConfirmPage(language, link.review, link.contribution.title, token));
  },

  'POST /contributions/confirm': async (event, deps) => {
    const outcome = await confirmContribution(deps, formBody(event).get('token') ?? '', requestTime(event));
    if (!outcome.ok) return html(400, invalidLinkPage(languageOf(event), outcome.reason));
    const language = languageOf(event, outcome.contribution.language);
    const t = translator(language);
    const { title } = outcome.contribution;
    const body = outcome.already
      ? t('contribute.confirmed.already', { title })
      : t('contribute.confirmed.body', { title });
    return html(200, simplePage(language, 'contribute.confirmed.title', [body]));
  },

  'GET /briefings/request': async (event) =>
    html(200, briefingRequestPage(languageOf(event), { values: {}, errors: [] })),

  'POST /briefings/request': async (event, deps) => requestFormAnswer(event, deps, BRIEFING_FORM),

  'GET /talks/propose': async (event) =>
    html(200, talkProposalPage(languageOf(event), { values: {}, errors: [] })),

  'POST /talks/propose': async (event, deps) => requestFormAnswer(event, deps, TALK_FORM),

  /** Opening the emailed link only shows a button, so that link scanners send nothing. */
  'GET /requests/confirm': async (event, deps) => {
    const language = languageOf(event);
    const token = query(event, 'token');
    const link = await checkRequestLink(deps, token, requestTime(event));
    if (!link.ok) return html(400, invalidLinkPage(language, link.reason));
    return html(200, requestConfirmPage(language, link.request, token));
  },

  'POST /requests/confirm': async (event, deps) => {
    const outcome = await confirmRequest(deps, formBody(event).get('token') ?? '', requestTime(event));
    if (!outcome.ok) return html(400, invalidLinkPage(languageOf(event), outcome.reason));
    const language = languageOf(event, outcome.request.language);
    const t = translator(language);
    const values = requestValues(t, outcome.request);
    const body = outcome.already
      ? t('request.confirmed.already', values)
      : t('request.confirmed.body', values);
    return html(200, simplePage(language, 'request.confirmed.title', [body]));
  },

  'GET /talks': async (event, deps) =>
    html(200, talksPage(languageOf(event), await publicTalks(deps, requestTime(event)))),

  /** Opening the link only shows a button, so that link scanners change nothing. */
  'GET /unsubscribe': async (event, deps) => {
    const language = languageOf(event);
    const token = query(event, 'token');
    const check = await checkUnsubscribeLink(deps, token, requestTime(event));
    if (!check.ok) return html(400, invalidLinkPage(language, check.reason));
    return html(200, unsubscribePage(language, check.review, token));
  },

  /** The page's button, and mail clients' one-click POST (RFC 8058) to the List-Unsubscribe URL itself. */
  'POST /unsubscribe': async (event, deps) => {
    const language = languageOf(event);
    const token = event.queryStringParameters?.token ?? formBody(event).get('token') ?? '';
    const done = await unsubscribe(deps, token, requestTime(event));
    if (!done.ok) return html(400, invalidLinkPage(language, done.reason));
    return html(200, unsubscribedPage(language, done.review));
  },

  'GET /proof-of-work.js': async () => ({
    statusCode: 200,
    headers: { 'content-type': 'text/javascript; charset=utf-8' },
    body: PROOF_OF_WORK_SCRIPT,
  }),

  'GET /privacy': async (event, deps) =>
    html(200, privacyPage(languageOf(event), deps.retention.purgeAfterMonths)),
};

async function calendarAnswer(
  event: HttpEvent,
  deps: PublicApiDependencies,
  region?: Region,
): Promise<HttpResult> {
  const reviews = (await heldReviews(deps, requestTime(event))).filter(
    (r) => !region || r.regions.includes(region),
  );
  const body = calendarFeed(reviews, languageOf(event), (reviewId) =>
    publicUrl(deps.site, `register/${reviewId}`),
  );
  return { statusCode: 200, headers: { 'content-type': 'text/calendar; charset=utf-8' }, body };
}

/**
 * The answer to a public form refused for who sent it rather than for what it says, or undefined: past one email
 * address's limit, the page saying so; past the network's threshold, the form again (`formAgain`) with what was
 * typed and the challenge that the page's script solves before the person presses its button again.
 */
function refusedForm(
  error: unknown,
  language: Language,
  formAgain: (challenge: Challenge) => string,
): HttpResult | undefined {
  if (error instanceof RateLimitedError) return html(429, tooManyAttemptsPage(language));
  if (error instanceof ProofNeededError) return html(429, formAgain(error.challenge));
  return undefined;
}

/** A public form that sends a request: how to read it, which fields its errors name, and its page. */
interface RequestForm<S extends { values: object; errors: string[]; challenge?: Challenge }> {
  read(body: URLSearchParams): { input: Record<string, unknown>; values: S['values']; isBot: boolean };
  invalid(issues: FieldIssue[]): S['errors'];
  page(language: Language, state: S): string;
}

const BRIEFING_FORM: RequestForm<BriefingFormState> = {
  read: readBriefingForm,
  invalid: invalidBriefingFields,
  page: briefingRequestPage,
};
const TALK_FORM: RequestForm<TalkFormState> = {
  read: readTalkForm,
  invalid: invalidTalkFields,
  page: talkProposalPage,
};

/** A briefing request or a talk proposal sent: refused with its fields marked, or answered "check your email". */
async function requestFormAnswer<S extends { values: object; errors: string[]; challenge?: Challenge }>(
  event: HttpEvent,
  deps: PublicApiDependencies,
  form: RequestForm<S>,
): Promise<HttpResult> {
  const language = languageOf(event);
  const t = translator(language);
  const body = formBody(event);
  const { input, values, isBot } = form.read(body);
  const sent = simplePage(language, 'register.sent.title', [t('request.sent.body')]);
  // A bot that filled the trap field gets the very answer a person gets, and nothing is recorded.
  if (isBot) return html(200, sent);
  try {
    await submitRequest(deps, input, requestTime(event), clientOf(event), proofOf(body));
  } catch (error) {
    const refused = refusedForm(error, language, (challenge) =>
      form.page(language, { values, errors: [] as S['errors'], challenge } as S),
    );
    if (refused) return refused;
    if (!(error instanceof ValidationError)) throw error;
    return html(422, form.page(language, { values, errors: form.invalid(error.issues) } as S));
  }
  return html(200, sent);
}

function manageAnswer(
  deps: Needs<'retention'>,
  event: HttpEvent,
  token: string,
  context: ManageContext,
  errors: FormField[] = [],
  eraseUnconfirmed = false,
) {
  if (!context.ok) {
    const language = languageOf(event);
    if (context.reason === 'missing')
      return html(
        404,
        simplePage(language, 'link.invalid.title', [translator(language)('manage.notRegistered')]),
      );
    return html(400, invalidLinkPage(language, context.reason));
  }
  const language = languageOf(event, context.registrant.language);
  const meetings = { review: context.review, meetings: context.plan.meetings };
  const page = managePage(language, meetings, context.registrant, token, context.waitlistPosition, errors, {
    ...retentionOf(deps, context.review, requestTime(event)),
    eraseUnconfirmed,
  });
  return html(errors.length > 0 || eraseUnconfirmed ? 422 : 200, page);
}
