import { canWrite, isStaff } from '#domain/access';
import type { Announcement } from '#domain/announcement';
import type { AuditEntry } from '#domain/audit';
import { countByState, MILESTONE_STATES, type MilestoneMark } from '#domain/milestone-states';
import type { Plan } from '#domain/plan';
import {
  ATTENDANCE_MODES,
  REGISTRANT_STATUSES,
  type Registrant,
  STAKEHOLDER_GROUPS,
} from '#domain/registrant';
import type { StakeholderRequest } from '#domain/request';
import type { Review } from '#domain/review';
import { dateInWords, meetingName, meetingWhen, reviewTitle } from '#domain/wording';
import { conjunction, LANGUAGES, type Language, localeOf, nativeName } from '#i18n/languages';
import { type MessageKey, type Translate, translator } from '#i18n/translate';
import type { ScheduleView } from '#scheduling/scheduler';
import type { ConsoleSession } from '#services/console-session';
import type { registrantList } from '#services/registrant-list';
import { DataTable, Details, Paragraphs } from './components';
import { RoundChart } from './console-gantt';
import { ChartLegend, type NextMilestone, NextToFire, stateWords } from './console-milestones';
import { retentionText } from './console-personal-data';
import { RegionTimeline } from './console-timeline';
import { ExportLinks } from './export-links';
import { Layout, renderPage } from './layout';
import { PageLinks, type Paging, pageAddress } from './page-links';
import { requestValues } from './request-pages';

/** A console page: who is signed in, where to go, and signing out, on every page. */
export function ConsolePage(props: {
  language: Language;
  session: ConsoleSession;
  title: string;
  pathname: string;
  query?: Record<string, string>;
  refreshSeconds?: number;
  children: preact.ComponentChildren;
}) {
  const { language, session } = props;
  const t = translator(language);
  const lang = `?lang=${language}`;
  const nav = (
    <nav class="console-nav" aria-label={t('console.nav')}>
      <a href={`/console${lang}`}>{t('console.dashboard')}</a>
      <a href={`/console/requests${lang}`}>{t('console.requests')}</a>
      <span>{t('console.signedInAs', { who: session.principal.email ?? session.principal.subject })}</span>
      <form method="post" action={`/console/sign-out${lang}`}>
        <input type="hidden" name="csrf" value={session.csrfToken} />
        <button type="submit" class="link">
          {t('console.signOut')}
        </button>
      </form>
    </nav>
  );
  return (
    <Layout
      language={language}
      title={props.title}
      path={{ pathname: props.pathname, query: props.query }}
      wide
      nav={nav}
      refreshSeconds={props.refreshSeconds}
    >
      {props.children}
    </Layout>
  );
}

const roleOf = (language: Language, session: ConsoleSession) => {
  const t = translator(language);
  const list = conjunction(language);
  return session.principal.secretariat
    ? t('console.role.secretariat')
    : t('console.role.focal', {
        regions: list.format(session.principal.regions.map((r) => t(`region.${r}`))),
      });
};

export interface ReviewSummary {
  review: Review;
  plan: Plan;
  /** Its milestones as the chart marks them, each in its state. */
  marks: MilestoneMark[];
}

/**
 * `GET /console`: every review the person may see on a chart with its milestones, the next milestones to fire,
 * each review's date, status and milestones, and the seed's timeline table of the regional reviews.
 */
export function dashboardPage(
  language: Language,
  session: ConsoleSession,
  reviews: ReviewSummary[],
  next: NextMilestone[],
  waitingRequests: number,
): string {
  const t = translator(language);
  return renderPage(
    <ConsolePage language={language} session={session} title={t('console.dashboard')} pathname="/console">
      <p>{roleOf(language, session)}</p>
      {/* Every member of staff may create a review: the secretariat any, a focal point one of their region. */}
      {isStaff(session.principal) && (
        <p>
          <a href={`/console/reviews/new?lang=${language}`}>{t('editor.new')}</a>
        </p>
      )}
      {waitingRequests > 0 && (
        <p class="notice">
          <a href={`/console/requests?lang=${language}`}>
            {t('console.requestsWaiting', { count: waitingRequests })}
          </a>
        </p>
      )}
      <RoundChart language={language} reviews={reviews} />
      {reviews.length > 0 && <ChartLegend t={t} />}
      {reviews.length > 0 && <NextToFire language={language} next={next} />}
      {reviews.length === 0 ? (
        <p>{t('console.noReviews')}</p>
      ) : (
        <DataTable
          label={t('console.reviews')}
          caption={t('console.reviews')}
          headings={[
            t('console.column.review'),
            t('console.column.date'),
            t('console.column.status'),
            t('console.column.next'),
            t('console.column.milestones'),
          ]}
          rows={reviews.map(({ review, plan, marks }) => {
            const next = plan.milestones.find((m) => m.due);
            const counts = countByState(marks);
            return [
              <a href={`/console/reviews/${review.reviewId}?lang=${language}`}>
                <bdi>{reviewTitle(review, t)}</bdi>
              </a>,
              dateInWords(review.date, language),
              t(`console.status.${review.status}`),
              next ? (
                <>
                  <bdi>{next.id}</bdi>: {localDateTime(next.localTime, language)}
                </>
              ) : (
                '—'
              ),
              marks.length === 0 ? (
                '—'
              ) : (
                <ul>
                  {MILESTONE_STATES.filter((state) => counts[state] > 0).map((state) => (
                    <li>
                      {stateWords(state, t)}: {counts[state]}
                    </li>
                  ))}
                </ul>
              ),
            ];
          })}
        />
      )}
      <RegionTimeline language={language} reviews={reviews} />
    </ConsolePage>,
  );
}

export const localDateTime = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 19)}Z`));

/** `GET /console/reviews/{reviewId}`: the review's plan, its warnings, its jobs and what was published. */
export function reviewPage(
  language: Language,
  session: ConsoleSession,
  view: {
    review: Review;
    plan: Plan;
    schedules: ScheduleView[];
    announcements: Announcement[];
    /** A page of the review's audit log, newest first. */
    changes: AuditEntry[];
    changesPaging: Paging;
    retention: { months: number; purgeOn: string; purgedAt?: string };
  },
): string {
  const t = translator(language);
  const { review, plan, schedules } = view;
  const scheduled = new Set(schedules.map((s) => s.milestoneId));
  const base = `/console/reviews/${review.reviewId}`;
  return renderPage(
    <ConsolePage language={language} session={session} title={reviewTitle(review, t)} pathname={base}>
      <p>
        {dateInWords(review.date, language)} · {t(`console.status.${review.status}`)}
        {review.venue && (
          <>
            {' '}
            · <bdi>{review.venue}</bdi>
          </>
        )}
      </p>
      <ul>
        {canWrite(session.principal, review) && (
          <li>
            <a href={`${base}/edit?lang=${language}`}>{t('editor.editLink')}</a>
          </li>
        )}
        <li>
          <a href={`${base}/registrants?lang=${language}`}>{t('console.registrants')}</a>
        </li>
        <li>
          <a href={`${base}/interpretation?lang=${language}`}>{t('console.planning.link')}</a>
        </li>
        <li>
          <a href={`${base}/contributions?lang=${language}`}>{t('console.contributions')}</a>
        </li>
        <li>
          <a href={`${base}/messages?lang=${language}`}>{t('console.messages')}</a>
        </li>
        <li>
          <a href={`${base}/invitations?lang=${language}`}>{t('console.invitations')}</a>
        </li>
      </ul>
      <p>{retentionText(language, view.retention)}</p>
      {plan.warnings.length > 0 && (
        <div class="notice" role="note">
          <h2>{t('console.warnings')}</h2>
          <Paragraphs texts={plan.warnings} />
        </div>
      )}
      <h2>{t('console.meetings')}</h2>
      <DataTable
        label={t('console.meetings')}
        headings={[
          t('console.column.meeting'),
          t('console.column.when'),
          t('console.column.mode'),
          t('console.column.interpretation'),
        ]}
        rows={plan.meetings.map((meeting) => [
          <bdi>{meetingName(meeting, t)}</bdi>,
          meetingWhen(meeting, language),
          t(`mode.${meeting.mode}`),
          meeting.interpretationLanguages.map((l) => nativeName(l)).join(', '),
        ])}
      />
      <h2>{t('console.milestones')}</h2>
      <DataTable
        label={t('console.milestones')}
        headings={[t('console.column.milestone'), t('console.column.when'), t('console.column.job')]}
        rows={plan.milestones.map((milestone) => [
          <bdi>{milestone.id}</bdi>,
          localDateTime(milestone.localTime, language),
          !milestone.due
            ? t('console.job.past')
            : scheduled.has(milestone.id)
              ? t('console.job.scheduled')
              : t('console.job.missing'),
        ])}
      />
      <Changes language={language} entries={view.changes} />
      <PageLinks t={t} {...view.changesPaging} href={pageAddress(base, language)} />
    </ConsolePage>,
  );
}

/** The audit log of a record, newest first: who changed what, when, each field before and after. */
export function Changes({ language, entries }: { language: Language; entries: AuditEntry[] }) {
  const t = translator(language);
  const shown = (values?: Record<string, unknown>) =>
    values && Object.keys(values).length > 0
      ? Object.entries(values)
          .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
          .join('; ')
      : '—';
  return (
    <>
      <h2>{t('console.changes')}</h2>
      {entries.length === 0 ? (
        <p>{t('console.noChanges')}</p>
      ) : (
        <DataTable
          label={t('console.changes')}
          headings={[
            t('console.column.when'),
            t('console.column.who'),
            t('console.column.action'),
            t('console.column.before'),
            t('console.column.after'),
          ]}
          rows={entries.map((entry) => [
            localDateTime(entry.at, language),
            <span dir="ltr">{entry.actor.email ?? entry.actor.subject}</span>,
            <span dir="ltr">{entry.action}</span>,
            <span dir="ltr">{shown(entry.before)}</span>,
            <span dir="ltr">{shown(entry.after)}</span>,
          ])}
        />
      )}
    </>
  );
}

type RegistrantList = Awaited<ReturnType<typeof registrantList>>;

export function Select(props: {
  id: string;
  label: string;
  value?: string;
  options: { value: string; label: string }[];
  any: string;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        <option value="">{props.any}</option>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Counts({
  title,
  counts,
  label,
}: {
  title: string;
  counts: Record<string, number>;
  label: (value: string) => string;
}) {
  return (
    <>
      <h2>{title}</h2>
      <ul class="counts">
        {Object.entries(counts).map(([value, count]) => (
          <li>
            {label(value)}: {count}
          </li>
        ))}
      </ul>
    </>
  );
}

/** `GET /console/reviews/{reviewId}/registrants`: filtered, counted, listed. */
export function registrantsPage(
  language: Language,
  session: ConsoleSession,
  review: Review,
  plan: Plan,
  /** The list with a page of its registrants, and where that page stands. */
  { list, paging }: { list: RegistrantList; paging: Paging },
  /** How many parts the list's export comes in. */
  exportParts: number,
): string {
  const t = translator(language);
  const f = list.filter;
  const pathname = `/console/reviews/${review.reviewId}/registrants`;
  const any = t('console.filter.any');
  const groupLabel = (value: string) => (value ? t(`group.${value}` as MessageKey) : '—');
  return renderPage(
    <ConsolePage
      language={language}
      session={session}
      title={t('console.registrantsOf', { review: reviewTitle(review, t) })}
      pathname={pathname}
    >
      <form method="get" action={pathname} class="filters" aria-label={t('console.filters')}>
        <input type="hidden" name="lang" value={language} />
        <div>
          <label for="q">{t('console.filter.search')}</label>
          <input type="text" id="q" name="q" value={f.q} />
        </div>
        <Select
          id="meeting"
          label={t('console.column.meeting')}
          value={f.meeting}
          any={any}
          options={plan.meetings.map((m) => ({ value: m.id, label: meetingName(m, t) }))}
        />
        <Select
          id="attendance"
          label={t('console.column.attendance')}
          value={f.attendance}
          any={any}
          options={ATTENDANCE_MODES.map((mode) => ({ value: mode, label: t(`attendance.${mode}`) }))}
        />
        <Select
          id="language"
          label={t('console.column.language')}
          value={f.language}
          any={any}
          options={LANGUAGES.map((l) => ({ value: l, label: nativeName(l) }))}
        />
        <Select
          id="group"
          label={t('form.stakeholderGroup')}
          value={f.group}
          any={any}
          options={STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))}
        />
        <Select
          id="status"
          label={t('console.column.status')}
          value={f.status}
          any={any}
          options={REGISTRANT_STATUSES.map((s) => ({
            value: s,
            label: t(`console.registrant.${s}` as MessageKey),
          }))}
        />
        <button type="submit">{t('console.filter.apply')}</button>
      </form>
      <p>{t('console.shownOf', { shown: list.shown, total: list.total })}</p>
      <ExportLinks
        t={t}
        parts={exportParts}
        labels={{ csv: t('console.exportCsv'), xlsx: t('console.exportXlsx') }}
        href={(format, part) =>
          `${pathname}?${new URLSearchParams({
            ...Object.fromEntries(Object.entries(f).filter(([, value]) => value)),
            lang: language,
            format,
            ...(exportParts > 1 ? { part: String(part) } : {}),
          })}`
        }
      />
      <Counts
        title={t('console.column.language')}
        counts={list.counts.language}
        label={(l) => nativeName(l as Language)}
      />
      <Counts
        title={t('console.column.attendance')}
        counts={list.counts.attendance}
        label={(mode) => t(`attendance.${mode}` as MessageKey)}
      />
      <Counts title={t('form.stakeholderGroup')} counts={list.counts.group} label={groupLabel} />
      <DataTable
        label={t('console.registrants')}
        caption={t('console.registrants')}
        headings={[
          t('form.name'),
          t('form.email'),
          t('form.organisation'),
          t('form.stakeholderGroup'),
          t('console.column.language'),
          t('console.column.attendance'),
          t('console.column.status'),
        ]}
        rows={list.registrants.map((r: Omit<Registrant, 'confirmNonce' | 'expiresAt'>) => [
          <a
            href={`/console/reviews/${review.reviewId}/registrants/${encodeURIComponent(r.email)}?lang=${language}`}
          >
            <bdi>{r.name}</bdi>
          </a>,
          <span dir="ltr">{r.email}</span>,
          <bdi>{r.organisation ?? '—'}</bdi>,
          groupLabel(r.stakeholderGroup ?? ''),
          nativeName(r.language),
          t(`attendance.${r.attendanceMode}`),
          <>
            {t(`console.registrant.${r.status}` as MessageKey)}
            {r.seat && <> · {t(`console.seat.${r.seat}`)}</>}
          </>,
        ])}
      />
      <PageLinks
        t={t}
        {...paging}
        href={(cursor) =>
          `${pathname}?${new URLSearchParams({
            ...Object.fromEntries(Object.entries(f).filter(([, value]) => value)),
            lang: language,
            ...(cursor ? { cursor } : {}),
          })}`
        }
      />
    </ConsolePage>,
  );
}

/** `GET /console/requests`: the briefing requests and talk proposals waiting, and those decided. */
export function requestsPage(
  language: Language,
  session: ConsoleSession,
  requests: StakeholderRequest[],
  paging: Paging,
  problem?: { requestId: string; messages: string[] },
): string {
  const t = translator(language);
  const waiting = requests.filter((r) => r.status === 'received');
  const decided = requests.filter((r) => r.status !== 'received');
  return renderPage(
    <ConsolePage
      language={language}
      session={session}
      title={t('console.requests')}
      pathname="/console/requests"
    >
      {waiting.length === 0 && <p>{t('console.noRequests')}</p>}
      {waiting.map((request) => (
        <article aria-labelledby={`request-${request.requestId}`}>
          <h2 id={`request-${request.requestId}`}>
            <bdi>{t('console.requestHeading', requestValues(t, request))}</bdi>
          </h2>
          <RequestDetails t={t} request={request} />
          {problem?.requestId === request.requestId && (
            <div class="errors" role="alert">
              <Paragraphs texts={problem.messages} />
            </div>
          )}
          <DecisionForms language={language} session={session} request={request} />
        </article>
      ))}
      {decided.length > 0 && (
        <>
          <h2>{t('console.decided')}</h2>
          <ul>
            {decided.map((request) => (
              <li>
                <bdi>{t('console.requestHeading', requestValues(t, request))}</bdi>:{' '}
                {t(`console.request.${request.status}` as MessageKey)}
                {request.reviewId && (
                  <>
                    {' '}
                    (
                    <a href={`/console/reviews/${request.reviewId}?lang=${language}`}>
                      <bdi>{request.reviewId}</bdi>
                    </a>
                    )
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <PageLinks t={t} {...paging} href={pageAddress('/console/requests', language)} />
    </ConsolePage>,
  );
}

function RequestDetails({ t, request }: { t: Translate; request: StakeholderRequest }) {
  const rows: [string, string][] =
    request.kind === 'briefing'
      ? [
          [t('form.network'), request.network],
          [t('form.scope'), t(`form.scope.${request.scope}`)],
          [t('form.regions'), request.regions.map((r) => t(`region.${r}`)).join(', ') || '—'],
          [t('form.preferredDates'), request.preferredDates],
          [t('form.interpretation'), request.languages.map((l) => nativeName(l)).join(', ') || '—'],
          [t('form.expectedParticipants'), String(request.expectedParticipants)],
        ]
      : [
          [t('form.organisers'), request.organisers],
          [t('form.level'), t(`form.level.${request.level}`)],
          [t('form.themes'), request.themes],
          [t('form.proposedDate'), request.proposedDate],
          [t('form.format'), t(`form.format.${request.format}`)],
          [
            t('form.interpretation'),
            request.interpretationLanguages.map((l) => nativeName(l)).join(', ') || '—',
          ],
          [t('form.audience'), request.audience],
          [t('form.objectives'), request.objectives.join(', ')],
        ];
  return (
    <Details
      rows={[
        ...rows,
        [
          t('console.requester'),
          <>
            <bdi>{request.name}</bdi> (<span dir="ltr">{request.email}</span>)
          </>,
        ],
      ]}
    />
  );
}

function DecisionForms(props: { language: Language; session: ConsoleSession; request: StakeholderRequest }) {
  const { language, session, request } = props;
  const t = translator(language);
  const id = request.requestId;
  const action = `/console/requests/${id}?lang=${language}`;
  return (
    <>
      <form method="post" action={action}>
        <input type="hidden" name="csrf" value={session.csrfToken} />
        <input type="hidden" name="decision" value="accept" />
        <h3>{t('console.accept')}</h3>
        <label for={`${id}-reviewId`}>{t('console.acceptAs')}</label>
        <input type="text" id={`${id}-reviewId`} name="reviewId" required dir="ltr" />
        <label for={`${id}-timeZone`}>{t('console.timeZone')}</label>
        <input type="text" id={`${id}-timeZone`} name="timeZone" required dir="ltr" value="UTC" />
        <label for={`${id}-date`}>{t('console.date')}</label>
        <input type="text" id={`${id}-date`} name="date" />
        <label for={`${id}-startTime`}>{t('console.startTime')}</label>
        <input type="text" id={`${id}-startTime`} name="startTime" dir="ltr" />
        <button type="submit">{t('console.accept')}</button>
      </form>
      <form method="post" action={action}>
        <input type="hidden" name="csrf" value={session.csrfToken} />
        <input type="hidden" name="decision" value="decline" />
        <label for={`${id}-reason`}>{t('console.declineReason')}</label>
        <input type="text" id={`${id}-reason`} name="reason" required />
        <button type="submit" class="danger">
          {t('console.decline')}
        </button>
      </form>
    </>
  );
}

/** The console's answer to someone signed in but not staff, or whose sign-in failed. */
export function consoleMessagePage(
  language: Language,
  titleKey: MessageKey,
  paragraphs: string[],
  signIn = true,
) {
  const t = translator(language);
  return renderPage(
    <Layout language={language} title={t(titleKey)}>
      <Paragraphs texts={paragraphs} />
      {signIn && (
        <p>
          <a href={`/console/sign-in?lang=${language}`}>{t('console.signIn')}</a>
        </p>
      )}
    </Layout>,
  );
}
