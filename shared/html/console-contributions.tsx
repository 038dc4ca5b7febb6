import type { Contribution } from '#domain/contribution';
import type { Review } from '#domain/review';
import { reviewTitle } from '#domain/wording';
import { type Language, nativeName } from '#i18n/languages';
import { type MessageKey, translator } from '#i18n/translate';
import type { ConsoleSession } from '#services/console-session';
import { Details, Paragraphs } from './components';
import { ConsolePage } from './console-pages';
import { renderPage } from './layout';
import { PageLinks, type Paging, pageAddress } from './page-links';

type Shown = Omit<Contribution, 'confirmNonce' | 'expiresAt'>;

/** A contribution's status in the words the console uses for decisions. */
const STATUS_WORDS: Record<Contribution['status'], MessageKey> = {
  pending: 'console.registrant.pending',
  received: 'console.request.received',
  accepted: 'console.request.accepted',
  rejected: 'console.request.declined',
};

function ContributionArticle(props: {
  language: Language;
  session: ConsoleSession;
  review: Review;
  contribution: Shown;
  mayDecide: boolean;
  problem?: string[];
}) {
  const { language, session, contribution: c } = props;
  const t = translator(language);
  const action = `/console/reviews/${props.review.reviewId}/contributions/${c.contributionId}?lang=${language}`;
  return (
    <article aria-labelledby={`contribution-${c.contributionId}`}>
      <h3 id={`contribution-${c.contributionId}`}>
        <bdi>{c.title}</bdi>
      </h3>
      <Details
        rows={[
          [t('console.column.status'), t(STATUS_WORDS[c.status])],
          [t('console.requester'), `${c.name} (${c.email})`],
          [t('form.organisation'), c.organisation ?? '—'],
          [t('form.stakeholderGroup'), t(`group.${c.stakeholderGroup}`)],
          [t('console.column.language'), nativeName(c.language)],
          [t('console.contribution.objectives'), c.objectives.join(', ')],
          [
            t('console.contribution.publishable'),
            c.publishable ? t('console.planning.yes') : t('console.planning.no'),
          ],
          ...(c.link ? [[t('console.contribution.link'), c.link] as [string, string]] : []),
          ...(c.rejectionReason
            ? [[t('console.contribution.reason'), c.rejectionReason] as [string, string]]
            : []),
        ]}
      />
      {c.text && (
        <details>
          <summary>{t('console.contribution.text')}</summary>
          <p style="white-space:pre-wrap">
            <bdi>{c.text}</bdi>
          </p>
        </details>
      )}
      {props.problem && (
        <div class="errors" role="alert">
          <Paragraphs texts={props.problem} />
        </div>
      )}
      {props.mayDecide && (
        <>
          <form method="post" action={action}>
            <input type="hidden" name="csrf" value={session.csrfToken} />
            <input type="hidden" name="decision" value="accept" />
            <button type="submit">{t('console.contribution.accept')}</button>
          </form>
          <form method="post" action={action}>
            <input type="hidden" name="csrf" value={session.csrfToken} />
            <input type="hidden" name="decision" value="reject" />
            <label for={`${c.contributionId}-reason`}>{t('console.contribution.reason')}</label>
            <input type="text" id={`${c.contributionId}-reason`} name="reason" required />
            <button type="submit" class="danger">
              {t('console.contribution.reject')}
            </button>
          </form>
        </>
      )}
    </article>
  );
}

/**
 * `GET /console/reviews/{reviewId}/contributions`: the written contributions whose senders confirmed them, those
 * waiting first, each with its details, its text and, for those who may change the review, accept and reject.
 */
export function contributionsPage(
  language: Language,
  session: ConsoleSession,
  review: Review,
  list: { contributions: Shown[] },
  paging: Paging,
  mayDecide: boolean,
  problem?: { contributionId: string; messages: string[] },
): string {
  const t = translator(language);
  const waiting = list.contributions.filter((c) => c.status === 'received');
  const decided = list.contributions.filter((c) => c.status !== 'received');
  const article = (contribution: Shown) => (
    <ContributionArticle
      language={language}
      session={session}
      review={review}
      contribution={contribution}
      mayDecide={mayDecide}
      problem={problem?.contributionId === contribution.contributionId ? problem.messages : undefined}
    />
  );
  return renderPage(
    <ConsolePage
      language={language}
      session={session}
      title={t('console.contributionsOf', { review: reviewTitle(review, t) })}
      pathname={`/console/reviews/${review.reviewId}/contributions`}
    >
      {list.contributions.length === 0 && <p>{t('console.noContributions')}</p>}
      {waiting.length > 0 && <h2>{t('console.waiting')}</h2>}
      {waiting.map(article)}
      {decided.length > 0 && <h2>{t('console.decidedContributions')}</h2>}
      {decided.map(article)}
      <PageLinks
        t={t}
        {...paging}
        href={pageAddress(`/console/reviews/${review.reviewId}/contributions`, language)}
      />
    </ConsolePage>,
  );
}
