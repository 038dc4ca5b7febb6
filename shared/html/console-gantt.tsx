import { dateBounds, settledDate } from '#domain/date-spec';
import type { Plan } from '#domain/plan';
import type { Review } from '#domain/review';
import { reviewTitle } from '#domain/wording';
import { type Language, localeOf } from '#i18n/languages';
import { translator } from '#i18n/translate';

const LABEL = 190;
const WIDTH = 900;
const ROW = 34;
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
 * week). Drawn left to right in every language, as time axes are; the table beside it says the same in words.
 */
export function RoundChart({
  language,
  reviews,
}: {
  language: Language;
  reviews: { review: Review; plan: Plan }[];
}) {
  const t = translator(language);
  const rows = reviews.map(({ review, plan }) => {
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
    return { title: reviewTitle(review, t), spans };
  });
  const all = rows.flatMap((row) => row.spans);
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
  const height = rows.length * ROW + 30;
  return (
    <svg
      role="img"
      aria-label={t('console.chart.label')}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      style="max-width:100%;height:auto"
      direction="ltr"
    >
      {months.map((month) => {
        const mx = LABEL + (month - axisStart) * scale;
        return (
          <g>
            <line x1={mx} x2={mx} y1={0} y2={height - 24} stroke="#d0d0d0" />
            <text x={mx + 2} y={height - 8} font-size="12" fill="#4a4a4a">
              {monthName.format(new Date(month))}
            </text>
          </g>
        );
      })}
      {rows.map((row, i) => (
        <g>
          <text x={0} y={i * ROW + 21} font-size="12" fill="#1b1b1b">
            {row.title.length > 24 ? `${row.title.slice(0, 23)}…` : row.title}
          </text>
          {row.spans.map((span) => (
            <rect
              x={x(span.from)}
              y={i * ROW + 8}
              width={Math.max(4, x(span.to) - x(span.from) + DAY_MS * scale)}
              height={18}
              rx={3}
              fill={span.label === 'review' ? '#b35c00' : '#00589c'}
              fill-opacity={span.settled ? 1 : 0.35}
            >
              <title>{`${row.title}, ${span.label}: ${span.from}${span.to !== span.from ? ` – ${span.to}` : ''}`}</title>
            </rect>
          ))}
        </g>
      ))}
    </svg>
  );
}

function toSpan(date: Parameters<typeof dateBounds>[0]) {
  const { earliest, latest } = dateBounds(date);
  return { from: earliest, to: latest };
}
