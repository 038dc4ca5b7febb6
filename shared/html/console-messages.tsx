import type { Plan } from '#domain/plan';
import { ATTENDANCE_MODES, STAKEHOLDER_GROUPS } from '#domain/registrant';
import type { Review } from '#domain/review';
import { meetingName, reviewTitle } from '#domain/wording';
import { LANGUAGES, type Language, nativeName } from '#i18n/languages';
import { type MessageKey, translator } from '#i18n/translate';
import type { ConsoleSession } from '#services/console-session';
import type { milestoneDeliveries, reviewRounds } from '#services/delivery-report';
import type { MessagePreview } from '#services/one-off-messages';
import type { Suppression } from '#store/suppressions';
import { DataTable, Details, Paragraphs } from './components';
import { ConsolePage, localDateTime, Select } from './console-pages';
import { ExportLinks } from './export-links';
import { renderPage } from './layout';
import { PageLinks, type Paging, pageAddress } from './page-links';

type Rounds = Awaited<ReturnType<typeof reviewRounds>>['rounds'];
type RoundReport = Omit<Awaited<ReturnType<typeof milestoneDeliveries>>, 'next'>;

/** A delivery's status, in the console's words. */
const statusWord = (status: string) => `console.delivery.${status}` as MessageKey;

/** The statuses a round's counts are shown in, in the order a message goes through them. */
const STATUSES = ['queued', 'sending', 'sent', 'delivered', 'bounced', 'complained', 'failed', 'suppressed'];

/** When a round was due: its instant, or the one-off rounds' "once". */
const roundTime = (at: string, language: Language) =>
  Number.isNaN(Date.parse(at)) ? '—' : localDateTime(new Date(at).toISOString(), language);

/** What a round was, in words, for the rounds that are not a milestone of the plan (whose ids the console shows). */
function roundName(milestoneId: string, t: ReturnType<typeof translator>): string | undefined {
  if (milestoneId.startsWith('announce.message-')) return t('console.round.message');
  if (milestoneId === 'announce.paper') return t('console.round.paper');
  if (milestoneId.startsWith('announce.outcome-')) return t('console.round.outcome');
  return undefined;
}

const roundPath = (reviewId: string, round: { milestoneId: string; at: string }, language: Language) =>
  `/console/reviews/${reviewId}/messages/round?${new URLSearchParams({
    milestone: round.milestoneId,
    at: round.at,
    lang: language,
  })}`;

/**
 * `GET /console/reviews/{reviewId}/messages`: the rounds of emails the review sent, a page at a time, with what
 * became of their messages; the registrants' addresses nothing is sent to any more, with the reason; a link to
 * write a message.
 */
export function messagesPage(
  language: Language,
  session: ConsoleSession,
  review: Review,
  rounds: Rounds,
  paging: Paging,
  suppressed: Suppression[],
  mayWrite: boolean,
  sent?: string,
): string {
  const t = translator(language);
  const base = `/console/reviews/${review.reviewId}/messages`;
  return renderPage(
    <ConsolePage
      language={language}
      session={session}
      title={t('console.messagesOf', { review: reviewTitle(review, t) })}
      pathname={base}
    >
      {sent && (
        <p class="notice" role="status">
          {t('console.message.sent')}
        </p>
      )}
      <p>{t('console.messages.intro')}</p>
      {mayWrite && (
        <p>
          <a href={`${base}/new?lang=${language}`}>{t('console.message.write')}</a>
        </p>
      )}
      <h2>{t('console.rounds')}</h2>
      {rounds.length === 0 ? (
        <p>{t('console.messages.none')}</p>
      ) : (
        <DataTable
          label={t('console.rounds')}
          headings={[
            t('console.column.round'),
            t('console.column.when'),
            t('console.column.started'),
            t('console.column.total'),
            ...STATUSES.map((status) => t(statusWord(status))),
          ]}
          rows={rounds.map((round) => [
            <>
              <a href={roundPath(review.reviewId, round, language)}>
                {roundName(round.milestoneId, t) ?? <span dir="ltr">{round.milestoneId}</span>}
              </a>
              {roundName(round.milestoneId, t) && (
                <>
                  {' '}
                  <small dir="ltr">{round.milestoneId}</small>
                </>
              )}
            </>,
            roundTime(round.at, language),
            localDateTime(round.startedAt, language),
            round.total,
            ...STATUSES.map((status) => round.counts[status] ?? 0),
          ])}
        />
      )}
      <PageLinks t={t} {...paging} href={pageAddress(base, language)} />
      <h2>{t('console.suppressions')}</h2>
      <p>{t('console.suppressions.intro')}</p>
      {suppressed.length === 0 ? (
        <p>{t('console.suppressions.none')}</p>
      ) : (
        <DataTable
          label={t('console.suppressions')}
          headings={[
            t('console.column.recipient'),
            t('console.column.reason'),
            t('console.column.detail'),
            t('console.column.when'),
          ]}
          rows={suppressed.map((s) => [
            <span dir="ltr">{s.email}</span>,
            t(`console.suppression.${s.reason}`),
            <span dir="ltr">{s.detail}</span>,
            localDateTime(s.at, language),
          ])}
        />
      )}
    </ConsolePage>,
  );
}

/**
 * `GET /console/reviews/{reviewId}/messages/round`: one round, each recipient's message and what became of it, a
 * page of recipients at a time; the whole report is a download.
 */
export function roundPage(
  language: Language,
  session: ConsoleSession,
  review: Review,
  report: RoundReport,
  paging: Paging,
  parts: number,
): string {
  const t = translator(language);
  const pageOf = (cursor?: string) =>
    `/console/reviews/${review.reviewId}/messages/round?${new URLSearchParams({
      milestone: report.round.milestoneId,
      at: report.round.at,
      lang: language,
      ...(cursor ? { cursor } : {}),
    })}`;
  const file = (format: string, part: number) =>
    `/console/reviews/${review.reviewId}/messages/round?${new URLSearchParams({
      milestone: report.round.milestoneId,
      at: report.round.at,
      lang: language,
      format,
      ...(parts > 1 ? { part: String(part) } : {}),
    })}`;
  return renderPage(
    <ConsolePage
      language={language}
      session={session}
      title={t('console.roundOf', { round: report.round.milestoneId, review: reviewTitle(review, t) })}
      pathname={`/console/reviews/${review.reviewId}/messages/round`}
      query={{ milestone: report.round.milestoneId, at: report.round.at }}
    >
      <p>
        <a href={`/console/reviews/${review.reviewId}/messages?lang=${language}`}>{t('console.messages')}</a>
      </p>
      <Details
        rows={[
          [t('console.column.when'), roundTime(report.round.at, language)],
          [t('console.column.total'), String(report.total)],
          ...Object.entries(report.counts).map(
            ([status, count]) => [t(statusWord(status)), String(count)] as [string, string],
          ),
        ]}
      />
      <ExportLinks
        t={t}
        href={file}
        parts={parts}
        labels={{ csv: t('console.round.csv'), xlsx: t('console.round.xlsx') }}
      />
      <DataTable
        label={t('console.column.recipient')}
        headings={[
          t('console.column.recipient'),
          t('console.column.status'),
          t('console.column.sentAt'),
          t('console.column.event'),
          t('console.column.detail'),
          t('console.column.messageId'),
        ]}
        rows={report.deliveries.map((d) => [
          <span dir="ltr">{d.recipient}</span>,
          t(statusWord(d.status)),
          d.sentAt ? localDateTime(d.sentAt, language) : '—',
          d.eventAt ? localDateTime(d.eventAt, language) : '—',
          <span dir="ltr">{d.eventDetail ?? d.error ?? '—'}</span>,
          <span dir="ltr">{d.messageId ?? '—'}</span>,
        ])}
      />
      <PageLinks t={t} {...paging} href={pageOf} />
    </ConsolePage>,
  );
}

/** What the message form holds: the fields as typed, so that a preview or a refusal gives them back. */
export type MessageForm = Record<string, string>;

/**
 * `GET /console/reviews/{reviewId}/messages/new`, and its preview: the recipients' filters, the default language,
 * the subject and text in each language it is written in; after a preview, the email as it goes out in each
 * language and the button that sends it.
 */
export function messageFormPage(
  language: Language,
  session: ConsoleSession,
  review: Review,
  plan: Plan,
  form: MessageForm,
  outcome?: { preview?: MessagePreview; problems?: string[] },
): string {
  const t = translator(language);
  const action = `/console/reviews/${review.reviewId}/messages?lang=${language}`;
  const any = t('console.filter.any');
  const preview = outcome?.preview;
  return renderPage(
    <ConsolePage
      language={language}
      session={session}
      title={t('console.message.title', { review: reviewTitle(review, t) })}
      pathname={`/console/reviews/${review.reviewId}/messages/new`}
    >
      <p>{t('console.message.intro')}</p>
      {outcome?.problems && (
        <div class="errors" role="alert">
          <p>{t('console.message.problems')}</p>
          <Paragraphs texts={outcome.problems} />
        </div>
      )}
      {preview && <Preview language={language} preview={preview} />}
      <form method="post" action={action}>
        <input type="hidden" name="csrf" value={session.csrfToken} />
        <fieldset class="filters">
          <legend>{t('console.message.recipients')}</legend>
          <div>
            <label for="q">{t('console.filter.search')}</label>
            <input type="text" id="q" name="q" value={form.q} />
          </div>
          <Select
            id="meeting"
            label={t('console.column.meeting')}
            value={form.meeting}
            any={any}
            options={plan.meetings.map((m) => ({ value: m.id, label: meetingName(m, t) }))}
          />
          <Select
            id="attendance"
            label={t('console.column.attendance')}
            value={form.attendance}
            any={any}
            options={ATTENDANCE_MODES.map((mode) => ({ value: mode, label: t(`attendance.${mode}`) }))}
          />
          <Select
            id="language"
            label={t('console.column.language')}
            value={form.language}
            any={any}
            options={LANGUAGES.map((l) => ({ value: l, label: nativeName(l) }))}
          />
          <Select
            id="group"
            label={t('form.stakeholderGroup')}
            value={form.group}
            any={any}
            options={STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))}
          />
        </fieldset>
        <label for="defaultLanguage">{t('console.message.defaultLanguage')}</label>
        <select id="defaultLanguage" name="defaultLanguage">
          {LANGUAGES.map((l) => (
            <option value={l} selected={l === (form.defaultLanguage || language)}>
              {nativeName(l)}
            </option>
          ))}
        </select>
        {LANGUAGES.map((l) => (
          <fieldset>
            <legend>{t('console.message.inLanguage', { language: nativeName(l) })}</legend>
            <label for={`subject-${l}`}>{t('console.message.subject')}</label>
            <input
              type="text"
              id={`subject-${l}`}
              name={`subject-${l}`}
              value={form[`subject-${l}`]}
              lang={l}
              dir={l === 'ar' ? 'rtl' : 'ltr'}
            />
            <label for={`body-${l}`}>{t('console.message.body')}</label>
            <textarea id={`body-${l}`} name={`body-${l}`} rows={6} lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
              {form[`body-${l}`]}
            </textarea>
          </fieldset>
        ))}
        <button type="submit" name="intent" value="preview">
          {t('console.message.preview')}
        </button>
        {preview && preview.recipients > 0 && (
          <button type="submit" name="intent" value="send" class="danger">
            {t('console.message.send', { count: preview.recipients })}
          </button>
        )}
      </form>
    </ConsolePage>,
  );
}

function Preview({ language, preview }: { language: Language; preview: MessagePreview }) {
  const t = translator(language);
  if (preview.recipients === 0)
    return (
      <p class="notice" role="status">
        {t('console.message.noRecipients')}
      </p>
    );
  return (
    <section aria-labelledby="preview" role="status">
      <h2 id="preview">{t('console.message.previewTitle')}</h2>
      {preview.languages.map((entry) => (
        <article lang={entry.language} dir={entry.language === 'ar' ? 'rtl' : 'ltr'} class="email-preview">
          <h3 lang={language} dir={language === 'ar' ? 'rtl' : 'ltr'}>
            {t('console.message.previewCount', {
              count: entry.recipients,
              language: nativeName(entry.language),
            })}
            {entry.fallbackRecipients > 0 &&
              ` ${t('console.message.fallback', { count: entry.fallbackRecipients })}`}
          </h3>
          <p>
            <strong>
              <bdi>{entry.email.subject}</bdi>
            </strong>
          </p>
          <Paragraphs texts={entry.email.paragraphs} />
        </article>
      ))}
    </section>
  );
}
