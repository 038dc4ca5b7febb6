import type { Announcement } from '#domain/announcement';
import type { AuditEntry } from '#domain/audit';
import type { Plan } from '#domain/plan';
import { ATTENDANCE_MODES, type Registrant, STAKEHOLDER_GROUPS } from '#domain/registrant';
import type { StakeholderRequest } from '#domain/request';
import type { Review } from '#domain/review';
import { dateInWords, meetingName, meetingWhen, reviewTitle } from '#domain/wording';
import { LANGUAGES, type Language, localeOf, nativeName } from '#i18n/languages';
import { type MessageKey, type Translate, translator } from '#i18n/translate';
import type { ScheduleView } from '#scheduling/scheduler';
import type { ConsoleSession } from '#services/console-session';
import type { registrantList } from '#services/registrant-list';
import { Paragraphs } from './components';
import { Layout, renderPage } from './layout';
import { requestValues } from './request-pages';

/** A console page: who is signed in, where to go, and signing out, on every page. */
export function ConsolePage(props: {
  language: Language;
  session: ConsoleSession;
  title: string;
  pathname: string;
  query?: Record<string, string>;
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
    >
      {props.children}
    </Layout>
  );
}

const roleOf = (language: Language, session: ConsoleSession) => {
  const t = translator(language);
  const list = new Intl.ListFormat(localeOf(language), { type: 'conjunction' });
  return session.principal.secretariat
    ? t('console.role.secretariat')
    : t('console.role.focal', {
        regions: list.format(session.principal.regions.map((r) => t(`region.${r}`))),
      });
};

export interface ReviewSummary {
  review: Review;
  plan: Plan;
}

/** `GET /console`: every review the person may see, its date, status and what fires next. */
export function dashboardPage(
  language: Language,
  session: ConsoleSession,
  reviews: ReviewSummary[],
  waitingRequests: number,
): string {
  const t = translator(language);
  return renderPage(
    <ConsolePage language={language} session={session} title={t('console.dashboard')} pathname="/console">
      <p>{roleOf(language, session)}</p>
      {waitingRequests > 0 && (
        <p class="notice">
          <a href={`/console/requests?lang=${language}`}>
            {t('console.requestsWaiting', { count: waitingRequests })}
          </a>
        </p>
      )}
      {reviews.length === 0 ? (
        <p>{t('console.noReviews')}</p>
      ) : (
        <section class="scroll" tabindex={0} aria-label={t('console.reviews')}>
          <table>
            <caption>{t('console.reviews')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.column.review')}</th>
                <th scope="col">{t('console.column.date')}</th>
                <th scope="col">{t('console.column.status')}</th>
                <th scope="col">{t('console.column.next')}</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map(({ review, plan }) => {
                const next = plan.milestones.find((m) => m.due);
                return (
                  <tr>
                    <th scope="row">
                      <a href={`/console/reviews/${review.reviewId}?lang=${language}`}>
                        <bdi>{reviewTitle(review, t)}</bdi>
                      </a>
                    </th>
                    <td>{dateInWords(review.date, language)}</td>
                    <td>{t(`console.status.${review.status}`)}</td>
                    <td>
                      {next ? (
                        <>
                          <bdi>{next.id}</bdi>: {localDateTime(next.localTime, language)}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </ConsolePage>,
  );
}

const localDateTime = (iso: string, language: Language) =>
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
    changes: AuditEntry[];
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
        <li>
          <a href={`${base}/registrants?lang=${language}`}>{t('console.registrants')}</a>
        </li>
        <li>
          <a href={`${base}/interpretation?lang=${language}`}>{t('console.planning.link')}</a>
        </li>
      </ul>
      {plan.warnings.length > 0 && (
        <div class="notice" role="note">
          <h2>{t('console.warnings')}</h2>
          <Paragraphs texts={plan.warnings} />
        </div>
      )}
      <h2>{t('console.meetings')}</h2>
      <section class="scroll" tabindex={0} aria-label={t('console.meetings')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('console.column.meeting')}</th>
              <th scope="col">{t('console.column.when')}</th>
              <th scope="col">{t('console.column.mode')}</th>
              <th scope="col">{t('console.column.interpretation')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.meetings.map((meeting) => (
              <tr>
                <th scope="row">
                  <bdi>{meetingName(meeting, t)}</bdi>
                </th>
                <td>{meetingWhen(meeting, language)}</td>
                <td>{t(`mode.${meeting.mode}`)}</td>
                <td>{meeting.interpretationLanguages.map((l) => nativeName(l)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h2>{t('console.milestones')}</h2>
      <section class="scroll" tabindex={0} aria-label={t('console.milestones')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('console.column.milestone')}</th>
              <th scope="col">{t('console.column.when')}</th>
              <th scope="col">{t('console.column.job')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.milestones.map((milestone) => (
              <tr>
                <th scope="row">
                  <bdi>{milestone.id}</bdi>
                </th>
                <td>{localDateTime(milestone.localTime, language)}</td>
                <td>
                  {!milestone.due
                    ? t('console.job.past')
                    : scheduled.has(milestone.id)
                      ? t('console.job.scheduled')
                      : t('console.job.missing')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Changes language={language} entries={view.changes} />
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
        <section class="scroll" tabindex={0} aria-label={t('console.changes')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console.column.when')}</th>
                <th scope="col">{t('console.column.who')}</th>
                <th scope="col">{t('console.column.action')}</th>
                <th scope="col">{t('console.column.before')}</th>
                <th scope="col">{t('console.column.after')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr>
                  <td>{localDateTime(entry.at, language)}</td>
                  <td dir="ltr">{entry.actor.email ?? entry.actor.subject}</td>
                  <td dir="ltr">{entry.action}</td>
                  <td dir="ltr">{shown(entry.before)}</td>
                  <td dir="ltr">{shown(entry.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

type RegistrantList = Awaited<ReturnType<typeof registrantList>>;

function Select(props: {
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
  list: RegistrantList,
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
          options={['pending', 'confirmed', 'cancelled'].map((s) => ({
            value: s,
            label: t(`console.registrant.${s}` as MessageKey),
          }))}
        />
        <button type="submit">{t('console.filter.apply')}</button>
      </form>
      <p>{t('console.shownOf', { shown: list.shown, total: list.total })}</p>
      <p>
        <a
          href={`${pathname}?${new URLSearchParams({
            ...Object.fromEntries(Object.entries(f).filter(([, value]) => value)),
            lang: language,
            format: 'csv',
          })}`}
        >
          {t('console.exportCsv')}
        </a>
      </p>
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
      <section class="scroll" tabindex={0} aria-label={t('console.registrants')}>
        <table>
          <caption>{t('console.registrants')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('form.name')}</th>
              <th scope="col">{t('form.email')}</th>
              <th scope="col">{t('form.organisation')}</th>
              <th scope="col">{t('form.stakeholderGroup')}</th>
              <th scope="col">{t('console.column.language')}</th>
              <th scope="col">{t('console.column.attendance')}</th>
              <th scope="col">{t('console.column.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.registrants.map((r: Omit<Registrant, 'confirmNonce' | 'expiresAt'>) => (
              <tr>
                <th scope="row">
                  <a
                    href={`/console/reviews/${review.reviewId}/registrants/${encodeURIComponent(r.email)}?lang=${language}`}
                  >
                    <bdi>{r.name}</bdi>
                  </a>
                </th>
                <td dir="ltr">{r.email}</td>
                <td>
                  <bdi>{r.organisation ?? '—'}</bdi>
                </td>
                <td>{groupLabel(r.stakeholderGroup ?? '')}</td>
                <td>{nativeName(r.language)}</td>
                <td>{t(`attendance.${r.attendanceMode}`)}</td>
                <td>
                  {t(`console.registrant.${r.status}` as MessageKey)}
                  {r.seat && <> · {t(`console.seat.${r.seat}`)}</>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </ConsolePage>,
  );
}

/** `GET /console/requests`: the briefing requests and talk proposals waiting, and those decided. */
export function requestsPage(
  language: Language,
  session: ConsoleSession,
  requests: StakeholderRequest[],
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
    <dl>
      {rows.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>
            <bdi>{value}</bdi>
          </dd>
        </>
      ))}
      <dt>{t('console.requester')}</dt>
      <dd>
        <bdi>{request.name}</bdi> (<span dir="ltr">{request.email}</span>)
      </dd>
    </dl>
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
