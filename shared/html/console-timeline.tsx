import { type DateSpec, settledDate } from '#domain/date-spec';
import type { Plan, PlannedMeeting } from '#domain/plan';
import { regionRounds } from '#domain/region-timeline';
import type { Review } from '#domain/review';
import { dateInWords, meetingName, reviewTitle } from '#domain/wording';
import type { Language } from '#i18n/languages';
import { type Translate, translator } from '#i18n/translate';
import { TimelineHeadings } from './home-page';

/**
 * A date as the seed's table writes it: in words, "(to be decided)" when tentative, and said to be known only
 * roughly when it names no day (a month, a week, part of a year); "to be set" when there is none. Candidate days
 * ("8 or 11 March") are tentative already, which says enough.
 */
function DateWords(props: { date: DateSpec | null; language: Language; t: Translate }) {
  const { date, language, t } = props;
  if (!date) return <>{t('home.toBeSet')}</>;
  const settled = settledDate(date);
  return (
    <>
      {dateInWords(date, language)}
      {!settled.settled && settled.reason === 'imprecise' && !date.tentative && (
        <> {t('console.date.imprecise')}</>
      )}
    </>
  );
}

function MeetingDates(props: {
  meetings: PlannedMeeting[];
  named?: boolean;
  language: Language;
  t: Translate;
}) {
  const { meetings, language, t } = props;
  if (meetings.length === 0) return <>—</>;
  return (
    <ul>
      {meetings.map((meeting) => (
        <li>
          {props.named && <>{meetingName(meeting, t)}: </>}
          <DateWords date={meeting.date} language={language} t={t} />
          {meeting.status === 'cancelled' && <> ({t('console.status.cancelled')})</>}
        </li>
      ))}
    </ul>
  );
}

function RegionRow({ review, plan, language }: { review: Review; plan: Plan; language: Language }) {
  const t = translator(language);
  const of = (...kinds: string[]) => plan.meetings.filter((m) => kinds.includes(m.kind));
  return (
    <tr>
      <th scope="row">{review.region && t(`region.${review.region}`)}</th>
      <td>
        <MeetingDates meetings={of('pre-consultation')} language={language} t={t} />
      </td>
      <td>
        <MeetingDates meetings={of('hybrid-consultation')} language={language} t={t} />
      </td>
      <td>
        <a href={`/console/reviews/${review.reviewId}?lang=${language}`}>
          <DateWords date={review.date} language={language} t={t} />
          <span class="visually-hidden">: {reviewTitle(review, t)}</span>
        </a>
        {review.venue && (
          <>
            {' '}
            (<bdi>{review.venue}</bdi>)
          </>
        )}
        {review.status === 'cancelled' && <> ({t('console.status.cancelled')})</>}
      </td>
      <td>
        <MeetingDates meetings={of('consultation', 'briefing', 'gcm-talk')} named language={language} t={t} />
      </td>
    </tr>
  );
}

/**
 * The seed's timeline of stakeholder engagement, built from the regional reviews the person may see: a row per
 * region, with its pre-consultations, its multi-stakeholder consultation and the review itself, each date as
 * precisely as it is known; a table per round.
 */
export function RegionTimeline(props: { language: Language; reviews: { review: Review; plan: Plan }[] }) {
  const { language } = props;
  const t = translator(language);
  const rounds = regionRounds(props.reviews);
  if (rounds.length === 0) return null;
  return (
    <>
      <h2>{t('home.table')}</h2>
      {rounds.map(({ cycle, rows }) => (
        <section
          class="scroll"
          tabindex={0}
          aria-label={
            cycle
              ? `${t('home.table')}: ${cycle}`
              : rounds.length > 1
                ? `${t('home.table')}: ${t('home.noCycle')}`
                : t('home.table')
          }
        >
          <table>
            {/* Isolated: a round's name in Latin letters keeps its order inside Arabic. */}
            {cycle ? (
              <caption>{t('home.cycle', { cycle: `\u2068${cycle}\u2069` })}</caption>
            ) : (
              rounds.length > 1 && <caption>{t('home.noCycle')}</caption>
            )}
            <TimelineHeadings t={t} />
            <tbody>
              {rows.map(({ review, plan }) => (
                <RegionRow review={review} plan={plan} language={language} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
