import { MILESTONE_STATES, type MilestoneMark, type MilestoneState } from '#domain/milestone-states';
import type { Milestone, Plan } from '#domain/plan';
import { MEETING_KINDS, type Review } from '#domain/review';
import { meetingName, reviewTitle } from '#domain/wording';
import type { Language } from '#i18n/languages';
import { type MessageKey, type Translate, translator } from '#i18n/translate';
import { DataTable } from './components';
import { localDateTime } from './console-pages';

/** What a milestone does, in words: "Virtual pre-consultation: reminder, 7 days before". */
export function milestoneWhat(
  milestone: Pick<Milestone | MilestoneMark, 'kind' | 'meetingId' | 'daysBefore'>,
  plan: Plan,
  t: Translate,
): string {
  const days = milestone.daysBefore ?? 0;
  const meeting = plan.meetings.find((m) => m.id === milestone.meetingId);
  const name = meeting ? meetingName(meeting, t) : '';
  if ((MEETING_KINDS as readonly string[]).includes(milestone.kind))
    return t('console.milestone.invitation', { meeting: name });
  switch (milestone.kind) {
    case 'materials-publication':
      return t('console.milestone.materials', { meeting: name });
    case 'reminder':
      return t('console.milestone.reminder', { meeting: name, days });
    case 'space-opens':
      return t('console.milestone.spaceOpens');
    case 'space-closing':
      return t('console.milestone.spaceClosing', { days });
    default:
      return t('console.milestone.paperReminder', { days });
  }
}

export const stateWords = (state: MilestoneState, t: Translate) =>
  t(`console.milestoneState.${state}` as MessageKey);

/**
 * A milestone's marker, centred on (x, y): its state told by its shape as well as its colour, so that neither
 * colour alone nor a grey print loses it. Done: a grey dot; scheduled: a blue diamond; missing job: a red
 * triangle; still to be dated: a hollow diamond.
 */
export function MilestoneMarker(props: {
  state: MilestoneState;
  x: number;
  y: number;
  children?: preact.ComponentChildren;
}) {
  const { x, y, state } = props;
  const r = 5;
  const diamond = `${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`;
  switch (state) {
    case 'done':
      return (
        <circle cx={x} cy={y} r={r - 1} fill="#5c5c5c">
          {props.children}
        </circle>
      );
    case 'scheduled':
      return (
        <polygon points={diamond} fill="#00589c">
          {props.children}
        </polygon>
      );
    case 'missing':
      return (
        <polygon points={`${x},${y - r} ${x + r},${y + r} ${x - r},${y + r}`} fill="#b00020">
          {props.children}
        </polygon>
      );
    case 'to-be-dated':
      return (
        <polygon points={diamond} fill="#fff" stroke="#00589c" stroke-width={1.5}>
          {props.children}
        </polygon>
      );
  }
}

function Swatch({ children }: { children: preact.ComponentChildren }) {
  return (
    <svg
      aria-hidden="true"
      width={22}
      height={14}
      viewBox="0 0 22 14"
      style="vertical-align:middle;margin-inline-end:.35rem"
    >
      {children}
    </svg>
  );
}

/** What the chart's bars and markers mean, in the reader's language. */
export function ChartLegend({ t }: { t: Translate }) {
  const bar = (fill: string, opacity: number) => (
    <rect x={1} y={2} width={20} height={10} rx={2} fill={fill} fill-opacity={opacity} />
  );
  const items: [preact.ComponentChildren, string][] = [
    [bar('#00589c', 1), t('console.legend.settled')],
    [bar('#00589c', 0.35), t('console.legend.unsettled')],
    [bar('#b35c00', 1), t('console.legend.review')],
    ...MILESTONE_STATES.map((state): [preact.ComponentChildren, string] => [
      <MilestoneMarker state={state} x={11} y={7} />,
      stateWords(state, t),
    ]),
  ];
  return (
    <ul class="counts" aria-label={t('console.legend')}>
      {items.map(([swatch, words]) => (
        <li>
          <Swatch>{swatch}</Swatch>
          {words}
        </li>
      ))}
    </ul>
  );
}

/** One of the next milestones to fire: the review it belongs to, and whether its job is there. */
export interface NextMilestone {
  review: Review;
  plan: Plan;
  milestone: Milestone;
  state: 'scheduled' | 'missing';
}

/** The next milestones to fire across the reviews the person may see, soonest first, in the review's own time. */
export function NextToFire(props: { language: Language; next: NextMilestone[] }) {
  const { language, next } = props;
  const t = translator(language);
  return (
    <>
      <h2>{t('console.next')}</h2>
      {next.length === 0 ? (
        <p>{t('console.next.none')}</p>
      ) : (
        <DataTable
          label={t('console.next')}
          headings={[
            t('console.column.when'),
            t('console.column.review'),
            t('console.column.milestone'),
            t('console.column.job'),
          ]}
          rows={next.map(({ review, plan, milestone, state }) => [
            <>
              {localDateTime(milestone.localTime, language)} <span dir="ltr">({review.timeZone})</span>
            </>,
            <a href={`/console/reviews/${review.reviewId}?lang=${language}`}>
              <bdi>{reviewTitle(review, t)}</bdi>
            </a>,
            milestoneWhat(milestone, plan, t),
            state === 'scheduled' ? t('console.job.scheduled') : t('console.job.missing'),
          ])}
        />
      )}
    </>
  );
}
