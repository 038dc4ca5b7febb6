import { dateBounds, settledDate } from '#domain/date-spec';
import type { MilestoneMark } from '#domain/milestone-states';
import type { Plan } from '#domain/plan';
import type { Review } from '#domain/review';
import { reviewTitle } from '#domain/wording';
import { type Language, localeOf } from '#i18n/languages';
import { translator } from '#i18n/translate';
import { MilestoneMarker, milestoneWhat, stateWords } from './console-milestones';

const LABEL = 190;
const WIDTH = 900;
/** A row: the bars, and under them the lane of the milestones' markers. */
const ROW = 46;
const BAR_Y = 6;
const MARK_Y = 35;
const MONTH_LABEL = 56;
const MIN_WIDTH = 640;
const DAY_MS = 86_400_000;

/** A span of days as the chart shows it: settled days dark, days still to be decided (or a month) light. */
interface Span {
  from: string;
  to: string;
  settled: boolean;
  label: string;
}

/**
 * The round at a glance, drawn on the server: a row per review, its meetings and the review itself as bars on a
 * shared time axis (months), dark when their days are settled, light while tentative or imprecise (a month, a
 * week); under them a marker per milestone, its shape telling its state. Drawn left to right in every language,
 * as time axes are; the legend says what each mark means, and the tables below say the same in words.
 */
export function RoundChart({
  language,
  reviews,
}: {
  language: Language;
  reviews: { review: Review; plan: Plan; marks: MilestoneMark[] }[];
}) {
  const t = translator(language);
  const rows = reviews.map(({ review, plan, marks }) => {
    const spans: Span[] = [
      ...plan.meetings.flatMap((meeting) =>
        meeting.date
          ? [
              {
                ...toSpan(meeting.date),
                settled: meeting.status === 'confirmed',
                label: meeting.id,
              },
            ]
          : [],
      ),
      { ...toSpan(review.date), settled: settledDate(review.date).settled, label: 'review' },
    ];
    // A region's reviews of several rounds share a title: the row says the region and the year.
    const label = review.region
      ? `${t(`region.${review.region}`)} ${dateBounds(review.date).earliest.slice(0, 4)}`
      : reviewTitle(review, t);
    return { title: reviewTitle(review, t), label, spans, plan, marks };
  });
  const all = [
    ...rows.flatMap((row) => row.spans),
    ...rows.flatMap((row) => row.marks.map((mark) => ({ from: mark.day, to: mark.day }))),
  ];
  if (all.length === 0) return null;
  const start = Date.parse(`${all.map((s) => s.from).sort()[0]}T00:00:00Z`);
  const end =
    Date.parse(
      `${all
        .map((s) => s.to)
        .sort()
        .at(-1)}T00:00:00Z`,
    ) + DAY_MS;
  const first = new Date(start);
  const axisStart = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
  const scale = (WIDTH - LABEL - 10) / Math.max(DAY_MS, end - axisStart);
  const x = (iso: string) => LABEL + (Date.parse(`${iso}T00:00:00Z`) - axisStart) * scale;
  const months: number[] = [];
  for (let m = new Date(axisStart); m.getTime() < end; m.setUTCMonth(m.getUTCMonth() + 1))
    months.push(m.getTime());
  const monthName = new Intl.DateTimeFormat(localeOf(language), {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
  // A month's name needs about 56 px: over a long round, only every so many months is named.
  const monthWidth = 30 * DAY_MS * scale;
  const every = Math.max(1, Math.ceil(MONTH_LABEL / monthWidth));
  const height = rows.length * ROW + 30;
  return (
    // On a phone the chart keeps a size its marks can be told apart at, and scrolls sideways from its labels.
    <section class="scroll" tabindex={0} aria-label={t('console.chart.region')} dir="ltr">
      <svg
        role="img"
        aria-label={`${t('console.chart.label')} ${t('console.chart.markers')}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        style={`width:100%;min-width:${MIN_WIDTH}px;height:auto`}
        direction="ltr"
      >
        {months.map((month, index) => {
          const mx = LABEL + (month - axisStart) * scale;
          return (
            <g>
              <line x1={mx} x2={mx} y1={0} y2={height - 24} stroke="#d0d0d0" />
              {index % every === 0 && (
                <text x={mx + 2} y={height - 8} font-size="12" fill="#4a4a4a">
                  {monthName.format(new Date(month))}
                </text>
              )}
            </g>
          );
        })}
        {rows.map((row, i) => (
          <g>
            <text x={0} y={i * ROW + 19} font-size="12" fill="#1b1b1b">
              {row.label.length > 24 ? `${row.label.slice(0, 23)}…` : row.label}
            </text>
            {row.spans.map((span) => (
              <rect
                x={x(span.from)}
                y={i * ROW + BAR_Y}
                width={Math.max(4, x(span.to) - x(span.from) + DAY_MS * scale)}
                height={18}
                rx={3}
                fill={span.label === 'review' ? '#b35c00' : '#00589c'}
                fill-opacity={span.settled ? 1 : 0.35}
              >
                <title>{`${row.title}, ${span.label}: ${span.from}${span.to !== span.from ? ` – ${span.to}` : ''}`}</title>
              </rect>
            ))}
            {row.marks.map((mark) => (
              <MilestoneMarker state={mark.state} x={x(mark.day) + (DAY_MS * scale) / 2} y={i * ROW + MARK_Y}>
                <title>{`${row.title}, ${milestoneWhat(mark, row.plan, t)}: ${mark.day} (${stateWords(mark.state, t)})`}</title>
              </MilestoneMarker>
            ))}
          </g>
        ))}
      </svg>
    </section>
  );
}

function toSpan(date: Parameters<typeof dateBounds>[0]) {
  const { earliest, latest } = dateBounds(date);
  return { from: earliest, to: latest };
}
