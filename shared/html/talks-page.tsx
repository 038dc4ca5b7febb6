import { dateInWords, meetingWhen, reviewTitle } from '#domain/wording';
import { conjunction, type Language, nativeName } from '#i18n/languages';
import { type Translate, translator } from '#i18n/translate';
import type { PublicTalk } from '#services/timeline';
import { Paragraphs } from './components';
import { Layout, renderPage } from './layout';

function Talk({ talk, language, t }: { talk: PublicTalk; language: Language; t: Translate }) {
  const meeting = talk.meetings[0];
  const outcome = meeting ? talk.outcomes[meeting.id] : undefined;
  const list = conjunction(language);
  const title = reviewTitle(talk, t);
  return (
    <article>
      <h3>
        <bdi>{title}</bdi>
      </h3>
      <dl>
        <dt>{t('talks.when')}</dt>
        <dd>{meeting?.startsAt ? meetingWhen(meeting, language) : dateInWords(talk.date, language)}</dd>
        {meeting && (
          <>
            <dt>{t('talks.format')}</dt>
            <dd>{t(`mode.${meeting.mode}`)}</dd>
            <dt>{t('talks.interpretation')}</dt>
            <dd>
              {meeting.interpretationLanguages.length > 0
                ? list.format(meeting.interpretationLanguages.map((l) => nativeName(l)))
                : t('talks.noInterpretation')}
            </dd>
          </>
        )}
        {talk.audience && (
          <>
            <dt>{t('talks.audience')}</dt>
            <dd>
              <bdi>{talk.audience}</bdi>
            </dd>
          </>
        )}
        {talk.organisers && (
          <>
            <dt>{t('talks.organisers')}</dt>
            <dd>
              <bdi>{talk.organisers}</bdi>
            </dd>
          </>
        )}
      </dl>
      <p>
        {talk.registrationOpen ? (
          <a href={`/register/${talk.reviewId}?lang=${language}`}>
            {t('talks.register')}
            <span class="visually-hidden">: {title}</span>
          </a>
        ) : (
          t('talks.registrationClosed')
        )}
      </p>
      {outcome && (
        <ul>
          {outcome.summaryUrl && (
            <li>
              <a href={outcome.summaryUrl}>
                {t('talks.summary')}
                <span class="visually-hidden">: {title}</span>
              </a>
            </li>
          )}
          {outcome.recordingUrl && (
            <li>
              <a href={outcome.recordingUrl}>
                {t('talks.recording')}
                <span class="visually-hidden">: {title}</span>
              </a>
            </li>
          )}
        </ul>
      )}
    </article>
  );
}

/**
 * `GET /talks`: the accepted GCM Talks, those still to come first (with their registration links), then those
 * held, with their summary reports and recordings once published.
 */
export function talksPage(language: Language, talks: PublicTalk[]): string {
  const t = translator(language);
  const upcoming = talks.filter((talk) => talk.registrationOpen);
  const past = talks.filter((talk) => !talk.registrationOpen).reverse();
  return renderPage(
    <Layout language={language} title={t('talks.title')} path={{ pathname: '/talks' }}>
      <Paragraphs texts={[t('talks.intro')]} />
      <p>
        <a href={`/talks/propose?lang=${language}`}>{t('talks.propose')}</a>
      </p>
      {talks.length === 0 && <p>{t('talks.none')}</p>}
      {upcoming.length > 0 && (
        <section aria-labelledby="upcoming">
          <h2 id="upcoming">{t('talks.upcoming')}</h2>
          {upcoming.map((talk) => (
            <Talk talk={talk} language={language} t={t} />
          ))}
        </section>
      )}
      {past.length > 0 && (
        <section aria-labelledby="past">
          <h2 id="past">{t('talks.past')}</h2>
          {past.map((talk) => (
            <Talk talk={talk} language={language} t={t} />
          ))}
        </section>
      )}
    </Layout>,
  );
}
