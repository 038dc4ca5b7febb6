import type { MeetingNeeds } from '#domain/interpretation';
import type { PlannedMeeting } from '#domain/plan';
import type { Review } from '#domain/review';
import { meetingName, reviewTitle } from '#domain/wording';
import { type Language, nativeName } from '#i18n/languages';
import { type Translate, translator } from '#i18n/translate';
import type { ConsoleSession } from '#services/console-session';
import { DataTable } from './components';
import { ConsolePage } from './console-pages';
import { ExportLinks } from './export-links';
import { renderPage } from './layout';

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 110;
const CHART_WIDTH = 420;

/**
 * Registrants per language as horizontal bars, online and in the room side by side, drawn on the server: an image
 * with its own text alternative, the table beside it holding the same figures. Drawn left to right in every
 * language, as charts are (each label keeps its own script's direction).
 */
function LanguageChart({ t, needs, label }: { t: Translate; needs: MeetingNeeds; label: string }) {
  const max = Math.max(1, ...needs.byLanguage.map((row) => row.online + row.inPerson));
  const scale = (CHART_WIDTH - LABEL_WIDTH - 40) / max;
  const legendY = needs.byLanguage.length * (BAR_HEIGHT + 8) + 12;
  const height = legendY + BAR_HEIGHT + 4;
  const summary = needs.byLanguage
    .map((row) => `${nativeName(row.language)}: ${row.online + row.inPerson}`)
    .join(', ');
  return (
    <svg
      role="img"
      aria-label={`${label}. ${summary}`}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width={CHART_WIDTH}
      height={height}
      style="max-width:100%;height:auto"
      direction="ltr"
    >
      {needs.byLanguage.map((row, i) => {
        const y = 8 + i * (BAR_HEIGHT + 8);
        const online = row.online * scale;
        const room = row.inPerson * scale;
        return (
          <g>
            <text x={0} y={y + 16} font-size="14" fill="#1b1b1b">
              {nativeName(row.language)}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={online} height={BAR_HEIGHT} fill="#00589c">
              <title>{`${t('attendance.online')}: ${row.online}`}</title>
            </rect>
            <rect x={LABEL_WIDTH + online} y={y} width={room} height={BAR_HEIGHT} fill="#b35c00">
              <title>{`${t('attendance.in-person')}: ${row.inPerson}`}</title>
            </rect>
            <text x={LABEL_WIDTH + online + room + 6} y={y + 16} font-size="14" fill="#1b1b1b">
              {row.online + row.inPerson}
            </text>
          </g>
        );
      })}
      {(
        [
          [0, '#00589c', t('attendance.online')],
          [CHART_WIDTH / 2, '#b35c00', t('attendance.in-person')],
        ] as const
      ).map(([x, colour, text]) => (
        <g>
          <rect x={x} y={legendY} width={14} height={14} fill={colour} />
          <text x={x + 20} y={legendY + 12} font-size="14" fill="#1b1b1b">
            {text}
          </text>
        </g>
      ))}
    </svg>
  );
}

function MeetingPlanning(props: { language: Language; meeting: PlannedMeeting; needs: MeetingNeeds }) {
  const { language, meeting, needs } = props;
  const t = translator(language);
  const name = meetingName(meeting, t);
  return (
    <section aria-labelledby={`meeting-${meeting.id}`}>
      <h2 id={`meeting-${meeting.id}`}>
        <bdi>{name}</bdi>
      </h2>
      <p>
        {t('console.planning.total', { total: needs.total, inPerson: needs.inPerson })}
        {needs.capacity !== undefined && (
          <>
            {' '}
            {t('console.planning.places', {
              capacity: needs.capacity,
              taken: needs.seats.taken,
              waitlisted: needs.seats.waitlisted,
            })}
          </>
        )}
      </p>
      {needs.uninterpreted.length > 0 && (
        <p class="notice">
          {t('console.planning.uninterpreted', {
            languages: needs.uninterpreted.map((l) => nativeName(l)).join(', '),
          })}
        </p>
      )}
      {needs.byLanguage.length > 0 && (
        <>
          <LanguageChart t={t} needs={needs} label={t('console.planning.chart', { meeting: name })} />
          <DataTable
            label={t('console.planning.chart', { meeting: name })}
            headings={[
              t('console.column.language'),
              t('attendance.online'),
              t('attendance.in-person'),
              t('console.column.interpretation'),
            ]}
            rows={needs.byLanguage.map((row) => [
              nativeName(row.language),
              row.online,
              row.inPerson,
              row.interpreted ? t('console.planning.yes') : t('console.planning.no'),
            ])}
          />
        </>
      )}
      <h3>{t('console.planning.accessibility', { count: needs.accessibilityNeeds.length })}</h3>
      {needs.accessibilityNeeds.length > 0 && (
        <ul>
          {needs.accessibilityNeeds.map((need) => (
            <li>
              <bdi>{need}</bdi>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `GET /console/reviews/{reviewId}/interpretation`: each meeting's languages, room and accessibility needs. */
export function interpretationPage(
  language: Language,
  session: ConsoleSession,
  review: Review,
  meetings: PlannedMeeting[],
  needs: MeetingNeeds[],
): string {
  const t = translator(language);
  return renderPage(
    <ConsolePage
      language={language}
      session={session}
      title={t('console.planning.title', { review: reviewTitle(review, t) })}
      pathname={`/console/reviews/${review.reviewId}/interpretation`}
    >
      <p>{t('console.planning.intro')}</p>
      <ExportLinks
        t={t}
        parts={1}
        labels={{ csv: t('console.planning.exportCsv'), xlsx: t('console.planning.exportXlsx') }}
        href={(format) =>
          `/console/reviews/${review.reviewId}/interpretation?lang=${language}&format=${format}`
        }
      />
      {meetings.map((meeting, i) => (
        <MeetingPlanning language={language} meeting={meeting} needs={needs[i] as MeetingNeeds} />
      ))}
    </ConsolePage>,
  );
}
