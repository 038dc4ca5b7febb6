import type { DateSpec } from '#domain/date-spec';
import type { PlannedMeeting } from '#domain/plan';
import { REGIONS } from '#domain/regions';
import { dateInWords, meetingName, reviewTitle } from '#domain/wording';
import { conjunction, type Language, localeOf } from '#i18n/languages';
import { type Translate, translator } from '#i18n/translate';
import type { PublicReview, Timeline } from '#services/timeline';
import { Paragraphs } from './components';
import { Layout, renderPage } from './layout';

/** The date of a meeting or a review as far as it is known, in the reader's words. */
function When({ date, language, t }: { date: DateSpec | null; language: Language; t: Translate }) {
  return <>{date ? dateInWords(date, language) : t('home.toBeSet')}</>;
}

function Meetings(props: { meetings: PlannedMeeting[]; named?: boolean; language: Language; t: Translate }) {
  const { meetings, language, t } = props;
  if (meetings.length === 0) return <>—</>;
  return (
    <ul>
      {meetings.map((meeting) => (
        <li>
          {props.named && <>{meetingName(meeting, t)}: </>}
          <When date={meeting.date} language={language} t={t} />
        </li>
      ))}
    </ul>
  );
}

function RegisterLink({ review, language, t }: { review: PublicReview; language: Language; t: Translate }) {
  return (
    <a href={`/register/${review.reviewId}?lang=${language}`}>
      {t('home.register')}
      <span class="visually-hidden">: {reviewTitle(review, t)}</span>
    </a>
  );
}

function ReviewRow({ review, language, t }: { review: PublicReview; language: Language; t: Translate }) {
  const of = (...kinds: string[]) => review.meetings.filter((m) => kinds.includes(m.kind));
  const [region] = review.regions;
  return (
    <tr>
      <th scope="row">{region && t(`region.${region}`)}</th>
      <td>
        <Meetings meetings={of('pre-consultation')} language={language} t={t} />
      </td>
      <td>
        <Meetings meetings={of('hybrid-consultation')} language={language} t={t} />
      </td>
      <td>
        <When date={review.date} language={language} t={t} />
        {review.venue && (
          <>
            {' '}
            (<bdi>{review.venue}</bdi>)
          </>
        )}
        <br />
        <RegisterLink review={review} language={language} t={t} />
        <br />
        <a href={`/contribute/${review.reviewId}?lang=${language}`}>
          {t('home.contribute')}
          <span class="visually-hidden">: {reviewTitle(review, t)}</span>
        </a>
        {review.discussionSpace?.open && (
          <>
            <br />
            <a href={review.discussionSpace.url}>
              {t('home.space', { date: dateInWords(dayOf(review.discussionSpace.closes), language) })}
              <span class="visually-hidden">: {reviewTitle(review, t)}</span>
            </a>
          </>
        )}
        {review.paper && (
          <>
            <br />
            <a href={review.paper[language] ?? Object.values(review.paper)[0]}>
              {t('home.paper')}
              <span class="visually-hidden">: {reviewTitle(review, t)}</span>
            </a>
          </>
        )}
      </td>
      <td>
        <Meetings meetings={of('consultation', 'briefing', 'gcm-talk')} named language={language} t={t} />
      </td>
    </tr>
  );
}

const dayOf = (date: string): DateSpec => ({ kind: 'exact', date, tentative: false });

/** The round's GCM Talks, each with its registration page; the talks page has them all. */
function Talks(props: { talks: PublicReview[]; language: Language; t: Translate }) {
  const { talks, language, t } = props;
  return (
    <>
      <h2>{t('home.talks')}</h2>
      {talks.length > 0 && (
        <ul>
          {talks.map((talk) => (
            <li>
              <strong>
                <bdi>{reviewTitle(talk, t)}</bdi>
              </strong>
              : <When date={talk.date} language={language} t={t} />.{' '}
              <RegisterLink review={talk} language={language} t={t} />
            </li>
          ))}
        </ul>
      )}
      <ul>
        <li>
          <a href={`/talks?lang=${language}`}>{t('talks.title')}</a>
        </li>
        <li>
          <a href={`/talks/propose?lang=${language}`}>{t('talks.propose')}</a>
        </li>
        <li>
          <a href={`/briefings/request?lang=${language}`}>{t('home.briefing')}</a>
        </li>
      </ul>
    </>
  );
}

/** The round's global consultations, each for several regions, each with its own registration page. */
function GlobalConsultations(props: { consultations: PublicReview[]; language: Language; t: Translate }) {
  const { consultations, language, t } = props;
  if (consultations.length === 0) return null;
  const list = conjunction(language);
  return (
    <>
      <h2>{t('home.global')}</h2>
      <ul>
        {consultations.map((consultation) => (
          <li>
            <strong>
              <bdi>{reviewTitle(consultation, t)}</bdi>
            </strong>
            : <When date={consultation.date} language={language} t={t} />.{' '}
            {t('home.globalFor', { regions: list.format(consultation.regions.map((r) => t(`region.${r}`))) })}
            . <RegisterLink review={consultation} language={language} t={t} />
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The public home: the round's timeline as the seed's table, a row per region (each review of the round in it),
 * dates as precisely as they are known, each review linking to its registration page (and its discussion space and
 * analytical paper when there are), then the round's global consultations and GCM Talks; when the round last
 * changed.
 */
export function homePage(language: Language, timeline: Timeline): string {
  const t = translator(language);
  const asOf = timeline.asOf
    ? new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(timeline.asOf),
      )
    : undefined;
  const rows = REGIONS.flatMap((region) => timeline.reviews.filter((review) => review.region === region));
  const global = timeline.reviews.filter((review) => review.kind === 'global-consultation');
  const talks = timeline.reviews.filter((review) => review.kind === 'gcm-talk');
  const query = timeline.cycle ? { cycle: timeline.cycle } : undefined;
  const others = timeline.cycles.filter((cycle) => cycle !== timeline.cycle);
  return renderPage(
    <Layout language={language} title={t('home.title')} path={{ pathname: '/', query }} wide>
      <Paragraphs texts={[t('home.intro')]} />
      {/* Isolated: a round's name in Latin letters keeps its order inside Arabic. */}
      {timeline.cycle && <h2>{t('home.cycle', { cycle: `\u2068${timeline.cycle}\u2069` })}</h2>}
      {asOf && <p>{t('home.asOf', { date: asOf })}</p>}
      {rows.length === 0 && global.length === 0 && <p>{t('home.none')}</p>}
      {rows.length > 0 && (
        // A table wider than a phone scrolls sideways; a region that scrolls must be reachable by keyboard.
        <section class="scroll" tabindex={0} aria-label={t('home.table')}>
          <table>
            <caption>{t('home.table')}</caption>
            <TimelineHeadings t={t} />
            <tbody>
              {rows.map((review) => (
                <ReviewRow review={review} language={language} t={t} />
              ))}
            </tbody>
          </table>
        </section>
      )}
      <GlobalConsultations consultations={global} language={language} t={t} />
      <Talks talks={talks} language={language} t={t} />
      <p>
        <a href={`/calendar.ics?lang=${language}`}>{t('home.calendar')}</a>
      </p>
      {others.length > 0 && (
        <>
          <h2>{t('home.otherCycles')}</h2>
          <ul>
            {others.map((cycle) => (
              <li>
                <a href={`/?${new URLSearchParams({ cycle: cycle ?? '', lang: language })}`}>
                  <bdi>{cycle ?? t('home.noCycle')}</bdi>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>,
  );
}

/** The columns of the seed's timeline table, on the home page and on the console's dashboard alike. */
export function TimelineHeadings({ t }: { t: Translate }) {
  return (
    <thead>
      <tr>
        <th scope="col">{t('home.column.region')}</th>
        <th scope="col">{t('home.column.pre')}</th>
        <th scope="col">{t('home.column.consultation')}</th>
        <th scope="col">{t('home.column.review')}</th>
        <th scope="col">{t('home.column.other')}</th>
      </tr>
    </thead>
  );
}
