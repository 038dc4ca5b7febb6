import { tokenKey } from '../aws/token-key';
import { ValidationError } from '../domain/errors';
import { RegistrationForm } from '../domain/registrant';
import { reviewTitle } from '../domain/wording';
import {
  confirmedPage,
  confirmFormPage,
  type FormField,
  type FormState,
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
} from '../html/registration-pages';
import { type HttpEvent, type HttpResult, html, json, jsonBody, requestTime } from '../http/http';
import { pageLanguage } from '../i18n/languages';
import { translator } from '../i18n/translate';
import { invalidFields, readRegistrationForm } from '../pages/registration-form';
import {
  cancelRegistration,
  changeRegistration,
  checkConfirmationLink,
  confirm,
  invitationPrefill,
  manageContext,
  openReview,
  RateLimitedError,
  register,
} from '../services/registration';
import { checkUnsubscribeLink, unsubscribe } from '../services/unsubscribe';

/**
 * The public routes: the stakeholder's side, as pages that work without JavaScript, and the JSON registration
 * endpoint. Each maps a request to a service call and the outcome to a page in the reader's language.
 */
const languageOf = (event: HttpEvent, registrant?: Parameters<typeof pageLanguage>[0]['registrant']) =>
  pageLanguage({
    requested: event.queryStringParameters?.lang,
    registrant,
    acceptLanguage: event.headers?.['accept-language'],
  });

const form = (event: HttpEvent) =>
  new URLSearchParams(
    event.body
      ? event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body
      : '',
  );

const clientOf = (event: HttpEvent) => event.requestContext.http.sourceIp;

export async function registerJson(event: HttpEvent): Promise<HttpResult> {
  try {
    await register(jsonBody(event), requestTime(event), await tokenKey(), clientOf(event));
  } catch (error) {
    if (error instanceof RateLimitedError) return json(429, { error: error.message });
    throw error;
  }
  return json(202, { message: translator(languageOf(event))('register.sent.body') });
}

export async function showRegistrationForm(event: HttpEvent): Promise<HttpResult> {
  const language = languageOf(event);
  const now = requestTime(event);
  const open = await openReview(event.pathParameters?.reviewId ?? '', now);
  if (!open) return html(404, registrationClosedPage(language));
  const invitation = event.queryStringParameters?.invitation;
  const values = invitation ? invitationPrefill(invitation, open.review.reviewId, now, await tokenKey()) : {};
  const state: FormState = { values, errors: [] };
  return html(
    200,
    registrationFormPage(language, { review: open.review, meetings: open.plan.meetings }, state),
  );
}

export async function submitRegistrationForm(event: HttpEvent): Promise<HttpResult> {
  const language = languageOf(event);
  const now = requestTime(event);
  const reviewId = event.pathParameters?.reviewId ?? '';
  const open = await openReview(reviewId, now);
  if (!open) return html(404, registrationClosedPage(language));
  const { input, values, isBot } = readRegistrationForm(form(event), reviewId);
  // A bot that filled the trap field gets the very answer a person gets, and nothing is recorded.
  if (isBot) return html(200, registrationSentPage(language));
  try {
    await register(input, now, await tokenKey(), clientOf(event), RegistrationForm);
  } catch (error) {
    if (error instanceof RateLimitedError) return html(429, tooManyAttemptsPage(language));
    if (!(error instanceof ValidationError)) throw error;
    const state: FormState = { values, errors: invalidFields(error.issues) };
    const context = { review: open.review, meetings: open.plan.meetings };
    return html(422, registrationFormPage(language, context, state));
  }
  return html(200, registrationSentPage(language));
}

export async function showConfirmation(event: HttpEvent): Promise<HttpResult> {
  const language = languageOf(event);
  const token = event.queryStringParameters?.token ?? '';
  const check = await checkConfirmationLink(token, requestTime(event), await tokenKey());
  if (!check.ok) return html(400, invalidLinkPage(language, check.reason));
  return html(200, confirmFormPage(language, check.review, token));
}

export async function submitConfirmation(event: HttpEvent): Promise<HttpResult> {
  const outcome = await confirm(form(event).get('token') ?? '', requestTime(event), await tokenKey());
  if (outcome.status === 'invalid') return html(400, invalidLinkPage(languageOf(event), outcome.reason));
  const language = languageOf(event, outcome.registrant.language);
  const already = outcome.status === 'already-confirmed';
  return html(200, confirmedPage(language, outcome.review, already, outcome.waitlisted));
}

export async function showManage(event: HttpEvent): Promise<HttpResult> {
  const token = event.queryStringParameters?.token ?? '';
  const context = await manageContext(token, requestTime(event), await tokenKey());
  return manageAnswer(event, token, context);
}

export async function submitManage(event: HttpEvent): Promise<HttpResult> {
  const body = form(event);
  const token = body.get('token') ?? '';
  const change = {
    meetings: body.getAll('meetings'),
    attendanceMode: body.get('attendanceMode') ?? 'online',
    language: body.get('language'),
  };
  const now = requestTime(event);
  const key = await tokenKey();
  let context: Awaited<ReturnType<typeof changeRegistration>>;
  try {
    context = await changeRegistration(token, change, now, key);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return manageAnswer(event, token, await manageContext(token, now, key), invalidFields(error.issues));
  }
  if (!context.ok) return manageAnswer(event, token, context);
  const language = languageOf(event, context.registrant.language);
  const t = translator(language);
  return html(200, simplePage(language, 'manage.saved.title', [t('manage.saved.body')]));
}

export async function submitCancellation(event: HttpEvent): Promise<HttpResult> {
  const token = form(event).get('token') ?? '';
  const context = await cancelRegistration(token, requestTime(event), await tokenKey());
  if (!context.ok) return manageAnswer(event, token, context);
  const language = languageOf(event, context.registrant.language);
  const t = translator(language);
  const body = t('manage.cancelled.body', { review: reviewTitle(context.review, t) });
  return html(200, simplePage(language, 'manage.cancelled.title', [body]));
}

/** Opening the link only shows a button, so that link scanners change nothing. */
export async function showUnsubscribe(event: HttpEvent): Promise<HttpResult> {
  const language = languageOf(event);
  const token = event.queryStringParameters?.token ?? '';
  const check = await checkUnsubscribeLink(token, requestTime(event), await tokenKey());
  if (!check.ok) return html(400, invalidLinkPage(language, check.reason));
  return html(200, unsubscribePage(language, check.review, token));
}

/** The page's button, and mail clients' one-click POST (RFC 8058) to the List-Unsubscribe URL itself. */
export async function submitUnsubscribe(event: HttpEvent): Promise<HttpResult> {
  const language = languageOf(event);
  const token = event.queryStringParameters?.token ?? form(event).get('token') ?? '';
  const done = await unsubscribe(token, requestTime(event), await tokenKey());
  if (!done.ok) return html(400, invalidLinkPage(language, done.reason));
  return html(200, unsubscribedPage(language, done.review));
}

export async function showPrivacy(event: HttpEvent): Promise<HttpResult> {
  return html(200, privacyPage(languageOf(event)));
}

function manageAnswer(
  event: HttpEvent,
  token: string,
  context: Awaited<ReturnType<typeof manageContext>>,
  errors: FormField[] = [],
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
  const page = managePage(language, meetings, context.registrant, token, context.waitlistPosition, errors);
  return html(errors.length > 0 ? 422 : 200, page);
}
