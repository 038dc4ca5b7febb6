import type { canRead } from '#domain/access';
import { type FieldIssue, NotFoundError, ValidationError } from '#domain/errors';
import { consoleMessagePage } from '#html/console-pages';
import { formBody } from '#http/body';
import { cookiesOf, setCookie } from '#http/cookies';
import { ForbiddenError, StaleFormError } from '#http/errors';
import { type HttpEvent, type HttpResult, html } from '#http/event';
import { pageRequestOf, withNext } from '#http/paging';
import { pageLanguage } from '#i18n/languages';
import { translator } from '#i18n/translate';
import {
  type ConsoleSession,
  csrfHolds,
  SESSION_COOKIE,
  type SignIn,
  secureCookies,
  sessionOf,
} from '#services/console-session';
import { listRequests } from '#services/requests';
import { reviewOrNotFound } from '#services/reviews';
import type { Cursor, PageRequest } from '#store/pages';
import type { AdminApiDependencies } from './admin-routes';
import { canSeeRequest } from './staff-access';

/**
 * What every console route is made of: who is signed in (or off to sign in), the check of a form's token, the
 * review it names if the person may see or change it, its refusals answered as pages in the reader's language.
 * The console does what the admin API does, as pages behind its own sign-in: it needs the same, and the sign-in.
 */
export type ConsoleDependencies = AdminApiDependencies & { signIn: SignIn };

export const languageOf = (event: HttpEvent) =>
  pageLanguage({
    requested: event.queryStringParameters?.lang,
    acceptLanguage: event.headers?.['accept-language'],
  });

export const redirect = (location: string, cookies: string[] = [], statusCode = 302): HttpResult => ({
  statusCode,
  headers: { location },
  ...(cookies.length > 0 ? { cookies } : {}),
  body: '',
});

export const cookie = (deps: ConsoleDependencies, name: string, value: string, maxAge: number) =>
  setCookie(name, value, { path: '/console', maxAge, secure: secureCookies(deps.site) });

/** Who is signed in to the console, for the audit log. */
export const consoleActor = async (event: HttpEvent, deps: ConsoleDependencies) =>
  (await sessionOf(deps, cookiesOf(event)[SESSION_COOKIE]))?.principal;

/** A record of another region, or none: answered as a page of the console, in the reader's language. */
export async function asPage(event: HttpEvent, answer: () => Promise<HttpResult>): Promise<HttpResult> {
  try {
    return await answer();
  } catch (error) {
    const language = languageOf(event);
    const t = translator(language);
    // Before ForbiddenError, which it is: the person may do this, only not with this form.
    if (error instanceof StaleFormError)
      return html(
        403,
        consoleMessagePage(language, 'console.staleForm', [t('console.staleForm.body')], false),
      );
    if (error instanceof ForbiddenError)
      return html(
        403,
        consoleMessagePage(language, 'console.forbidden', [t('console.forbidden.body')], false),
      );
    // An address the console cannot answer as asked (a page cursor, a filter): said on a page, each field named.
    if (error instanceof ValidationError)
      return html(
        422,
        consoleMessagePage(
          language,
          'console.invalidRequest',
          error.issues.map((issue) => `${issue.field}: ${issue.message}`),
          false,
        ),
      );
    if (error instanceof NotFoundError)
      return html(404, consoleMessagePage(language, 'console.notFound', [t('console.notFound.body')], false));
    throw error;
  }
}

/** A console page for a signed-in member of staff; anyone else is sent to sign in. */
export async function signedIn(
  event: HttpEvent,
  deps: ConsoleDependencies,
  page: (session: ConsoleSession) => Promise<HttpResult>,
): Promise<HttpResult> {
  const session = await sessionOf(deps, cookiesOf(event)[SESSION_COOKIE]);
  if (!session) return redirect(`/console/sign-in?lang=${languageOf(event)}`);
  return asPage(event, () => page(session));
}

/** The review a console route names, if the signed-in person may see it (`canRead`) or change it (`canWrite`). */
export async function reviewAllowed(
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
export const decisionOf = (form: URLSearchParams) =>
  Object.fromEntries([...form].filter(([name, value]) => name !== 'csrf' && value !== ''));

/** The page of a listing a console page asks for (`cursor`, `limit`); cursors are sealed under the link secret. */
export const pageOf = async (event: HttpEvent, deps: ConsoleDependencies, defaultLimit?: number) => {
  const query = event.queryStringParameters ?? {};
  const limit = query.limit ?? (defaultLimit === undefined ? undefined : String(defaultLimit));
  return pageRequestOf({ ...query, limit }, await deps.signingKey());
};

/** How a console page links its listing's pages: the next one's cursor, and whether this one is past the first. */
export const pagingOf = async (event: HttpEvent, next: Cursor | undefined, deps: ConsoleDependencies) => ({
  ...withNext(next, await deps.signingKey()),
  paged: Boolean(event.queryStringParameters?.cursor),
});

/** A page of the requests the signed-in person may see and decide. */
export const visibleRequests = (
  deps: ConsoleDependencies,
  session: ConsoleSession,
  now: Date,
  request: PageRequest,
) => listRequests(deps, {}, now, request, (shown) => canSeeRequest(session.principal, shown));

/** A console form's POST: a session, and the session's own token in the form, or 403. */
export async function posted(
  event: HttpEvent,
  deps: ConsoleDependencies,
  action: (session: ConsoleSession, form: URLSearchParams) => Promise<HttpResult>,
): Promise<HttpResult> {
  return asPage(event, async () => {
    const session = await sessionOf(deps, cookiesOf(event)[SESSION_COOKIE]);
    const form = formBody(event);
    if (!session || !csrfHolds(session, form.get('csrf'))) throw new StaleFormError();
    return action(session, form);
  });
}

/**
 * A console form's action; a refusal (a `ValidationError`) answers `page` again, 422, with each problem, so that
 * what was typed and why it was refused are on one page.
 */
export async function refusedWith(
  action: () => Promise<HttpResult>,
  page: (problems: FieldIssue[]) => Promise<string>,
): Promise<HttpResult> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return html(422, await page(error.issues));
  }
}
