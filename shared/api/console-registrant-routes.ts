import { canRead, canWrite } from '#domain/access';
import { planReview } from '#domain/plan';
import { registrantsPage } from '#html/console-pages';
import { interpretationPage } from '#html/console-planning';
import { registrantPage } from '#html/console-registrant';
import { html, jsonFile, requestTime } from '#http/event';
import { translator } from '#i18n/translate';
import { interpretationNeeds } from '#services/interpretation-needs';
import { eraseRegistrant, personalDataOf } from '#services/personal-data';
import { actOnRegistrant, registrantDetail } from '#services/registrant-actions';
import { pageOfRegistrants, registrantList } from '#services/registrant-list';
import {
  type ConsoleDependencies,
  languageOf,
  pageOf,
  pagingOf,
  posted,
  redirect,
  refusedWith,
  reviewAllowed,
  signedIn,
} from './console-kit';
import { EXPORT_PART_ROWS, exportFile, partsOf } from './export-file';
import type { RouteTable } from './http-function';
import { interpretationSheet } from './interpretation-sheet';
import { registrantListingQuery, registrantsSheet } from './registrants-sheet';

/** A review's registrants in the console: the list and its files, one registration and what is done to it, its data and its erasure, and the interpretation they call for. */
export const CONSOLE_REGISTRANT_ROUTES = {
  'GET /console/reviews/{reviewId}/registrants': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const now = requestTime(event);
      const review = await reviewAllowed(deps, event, session, canRead);
      const { format, part, filter } = registrantListingQuery(event.queryStringParameters);
      const list = await registrantList(deps, review, filter, now);
      if (format)
        return exportFile(
          registrantsSheet(list.registrants, languageOf(event)),
          { format, part },
          { filename: `${review.reviewId}-registrants`, partRows: deps.exportPartRows },
        );
      const parts = partsOf(list.shown, deps.exportPartRows);
      const { next, ...page } = pageOfRegistrants(list, await pageOf(event, deps));
      const shown = { list: page, paging: await pagingOf(event, next, deps) };
      return html(
        200,
        registrantsPage(languageOf(event), session, review, planReview(review, now), shown, parts),
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
      return refusedWith(
        async () => {
          const action = form.get('action') ?? '';
          await actOnRegistrant(deps, review, email, action, now, form.get('reason') || undefined);
          return redirect(`${back}&done=${encodeURIComponent(action)}`, [], 303);
        },
        async (issues) => {
          const detail = await registrantDetail(deps, review, email, now);
          const problem = issues.map((issue) => issue.message);
          return registrantPage(language, session, review, detail, true, problem);
        },
      );
    }),

  'GET /console/reviews/{reviewId}/registrants/{email}/data': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const review = await reviewAllowed(deps, event, session, canRead);
      const email = event.pathParameters?.email ?? '';
      const data = await personalDataOf(deps, review, email, requestTime(event));
      return jsonFile(`${review.reviewId}-registrant-data.json`, data);
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
} satisfies Partial<RouteTable<'console', ConsoleDependencies>>;
