import { canRead, canWrite } from '#domain/access';
import { type FieldIssue, ValidationError } from '#domain/errors';
import { planReview } from '#domain/plan';
import type { Review } from '#domain/review';
import { invitationsPage } from '#html/console-invitations';
import { messageFormPage, messagesPage, roundPage } from '#html/console-messages';
import { formFiles } from '#http/body';
import { html, requestTime } from '#http/event';
import type { Language } from '#i18n/languages';
import { translator } from '#i18n/translate';
import type { ConsoleSession } from '#services/console-session';
import { everyDelivery, milestoneDeliveries, reportedRound, reviewRounds } from '#services/delivery-report';
import { remindInvitees } from '#services/invitation-reminders';
import { importContacts, invitationsOverview, UPLOADS_PER_PAGE } from '#services/invitations';
import { currentLinks } from '#services/links';
import { previewMessage, sendMessage } from '#services/one-off-messages';
import { suppressedRegistrants } from '#services/suppressions';
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
import { deliveriesSheet } from './deliveries-sheet';
import { exportFile, partsOf } from './export-file';
import type { RouteTable } from './http-function';
import { messageFormValues, messageOfForm } from './message-form';

/** The invitations page again, after an upload or a reminder was refused, with why (and what was pasted). */
async function invitationsAgain(
  deps: ConsoleDependencies,
  language: Language,
  session: ConsoleSession,
  review: Review,
  now: Date,
  issues: FieldIssue[],
  pasted?: string,
) {
  const overview = await invitationsOverview(deps, review.reviewId, now);
  const problem = issues.map((issue) => issue.message);
  return invitationsPage(language, session, review, overview, now, {
    mayChange: true,
    follow: false,
    problem,
    ...(pasted !== undefined ? { pasted } : {}),
  });
}

/** What the console sends: invitations to register and their reminder, and messages to registrants, with every round's statuses. */
export const CONSOLE_OUTREACH_ROUTES = {
  'GET /console/reviews/{reviewId}/invitations': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const now = requestTime(event);
      const review = await reviewAllowed(deps, event, session, canRead);
      const query = event.queryStringParameters ?? {};
      const uploads = await pageOf(event, deps, UPLOADS_PER_PAGE);
      const overview = await invitationsOverview(deps, review.reviewId, now, uploads);
      return html(
        200,
        invitationsPage(languageOf(event), session, review, overview, now, {
          mayChange: canWrite(session.principal, review),
          follow: query.follow !== 'no',
          shownUpload: query.upload,
          paging: await pagingOf(event, overview.uploadsNext, deps),
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
      return refusedWith(
        async () => {
          const csv = file?.text ?? pasted;
          if (!csv.trim())
            throw new ValidationError([
              { field: 'file', message: translator(language)('console.invitations.empty') },
            ]);
          const upload = await importContacts(deps, review.reviewId, csv, now);
          return redirect(`${page}&upload=${upload.importId}`, [], 303);
        },
        (issues) => invitationsAgain(deps, language, session, review, now, issues, pasted),
      );
    }),

  'POST /console/reviews/{reviewId}/invitations/reminders': async (event, deps) =>
    posted(event, deps, async (session) => {
      const now = requestTime(event);
      const language = languageOf(event);
      const review = await reviewAllowed(deps, event, session, canWrite);
      return refusedWith(
        async () => {
          await remindInvitees(deps, review.reviewId, now);
          return redirect(`/console/reviews/${review.reviewId}/invitations?lang=${language}`, [], 303);
        },
        (issues) => invitationsAgain(deps, language, session, review, now, issues),
      );
    }),

  'GET /console/reviews/{reviewId}/messages': async (event, deps) =>
    signedIn(event, deps, async (session) => {
      const review = await reviewAllowed(deps, event, session, canRead);
      const { rounds, next } = await reviewRounds(deps, review.reviewId, await pageOf(event, deps));
      const suppressed = await suppressedRegistrants(deps, review.reviewId, requestTime(event));
      const sent = event.queryStringParameters?.sent;
      return html(
        200,
        messagesPage(
          languageOf(event),
          session,
          review,
          rounds,
          await pagingOf(event, next, deps),
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
      const round = await reportedRound(deps, review.reviewId, milestone, at, requestTime(event));
      if (format)
        return exportFile(
          deliveriesSheet(await everyDelivery(deps, round), languageOf(event)),
          { format, part },
          { filename: `${review.reviewId}-${round.milestoneId}`, partRows: deps.exportPartRows },
        );
      const { next, ...report } = await milestoneDeliveries(deps, round, await pageOf(event, deps));
      const parts = partsOf(report.total, deps.exportPartRows);
      return html(
        200,
        roundPage(languageOf(event), session, review, report, await pagingOf(event, next, deps), parts),
      );
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
      const message = messageOfForm(form);
      return refusedWith(
        async () => {
          if (form.get('intent') === 'send') {
            const { messageId } = await sendMessage(deps, review.reviewId, message, now);
            const messages = `/console/reviews/${review.reviewId}/messages?lang=${language}`;
            return redirect(`${messages}&sent=${messageId}`, [], 303);
          }
          const preview = await previewMessage(deps, review.reviewId, message, await currentLinks(deps));
          return html(200, messageFormPage(language, session, review, plan, typed, { preview }));
        },
        async (issues) => {
          const problems = issues.map((issue) => `${issue.field}: ${issue.message}`);
          return messageFormPage(language, session, review, plan, typed, { problems });
        },
      );
    }),
} satisfies Partial<RouteTable<'console', ConsoleDependencies>>;
