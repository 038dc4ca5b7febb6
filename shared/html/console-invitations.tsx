import { LISTED_ROWS } from '#domain/contacts';
import type { Review } from '#domain/review';
import { inProgress, type RoundProgress, roundProgress } from '#domain/round-progress';
import { reviewTitle } from '#domain/wording';
import type { Language } from '#i18n/languages';
import { type MessageKey, type Translate, translator } from '#i18n/translate';
import type { ConsoleSession } from '#services/console-session';
import type { InvitationReminder } from '#store/invitation-reminders';
import type { ContactImport } from '#store/invitations';
import { DataTable, Paragraphs } from './components';
import { ConsolePage, localDateTime } from './console-pages';
import { renderPage } from './layout';
import { PageLinks, type Paging, pageAddress } from './page-links';

/** While emails go out, the page reloads itself this often: slow enough to be read between reloads. */
export const REFRESH_SECONDS = 10;

export interface InvitationsOverview {
  uploads: ContactImport[];
  reminders: InvitationReminder[];
  /** Everyone the uploads invited. */
  invitees: number;
  /** The invitees a reminder would reach now; not counted for a long list. */
  toRemind: number | undefined;
}

const utcTime = (iso: string, language: Language) => `${localDateTime(iso, language)} UTC`;

/** A round's progress: a bar, and the same in words. */
function Progress(props: {
  id: string;
  label: string;
  record: { total: number; sent: number; failed: number };
  progress: RoundProgress;
  t: Translate;
}) {
  const { record, t } = props;
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <progress
        id={props.id}
        max={Math.max(1, record.total)}
        value={record.sent + record.failed}
        style="width:100%;max-width:24rem;height:1.25rem"
      />
      <p>
        {t('console.invitations.counts', { sent: record.sent, failed: record.failed, total: record.total })} ·{' '}
        {t(`console.progress.${props.progress}` as MessageKey)}
      </p>
    </>
  );
}

/** How far the background step has checked an upload's rows, and how many of them it found to invite. */
function Checked({ upload, t }: { upload: ContactImport; t: Translate }) {
  const id = `checked-${upload.importId}`;
  return (
    <>
      <label for={id}>{t('console.invitations.checked')}</label>
      <progress
        id={id}
        max={Math.max(1, upload.rows)}
        value={upload.processed}
        style="width:100%;max-width:24rem;height:1.25rem"
      />
      <p>
        {t('console.invitations.checkedCounts', {
          processed: upload.processed,
          rows: upload.rows,
          total: upload.total,
        })}
      </p>
    </>
  );
}

/** The rows of an upload that were refused or skipped, each with its line and why (in the API's English). */
function RowProblems({ upload, open, t }: { upload: ContactImport; open: boolean; t: Translate }) {
  const rows = [...upload.invalid.map((row) => ({ ...row, email: '' })), ...upload.skipped].sort(
    (a, b) => a.line - b.line,
  );
  if (rows.length === 0) return null;
  const partly = upload.invalidCount > upload.invalid.length || upload.skippedCount > upload.skipped.length;
  return (
    <details open={open}>
      <summary>
        {t('console.invitations.problems', { refused: upload.invalidCount, skipped: upload.skippedCount })}
      </summary>
      {partly && <p>{t('console.invitations.listed', { count: LISTED_ROWS })}</p>}
      <DataTable
        label={t('console.invitations.problemsOf', { date: upload.createdAt.slice(0, 10) })}
        headings={[t('console.invitations.line'), t('form.email'), t('console.invitations.reason')]}
        rows={rows.map((row) => [
          row.line,
          <span dir="ltr">{row.email || '—'}</span>,
          <span lang="en" dir="ltr">
            {row.reason}
          </span>,
        ])}
      />
    </details>
  );
}

function UploadForm(props: { action: string; csrf: string; pasted?: string; t: Translate }) {
  const { t } = props;
  return (
    <form method="post" action={props.action} enctype="multipart/form-data">
      <input type="hidden" name="csrf" value={props.csrf} />
      <h2>{t('console.invitations.upload')}</h2>
      <p class="hint" id="contacts-hint">
        {t('console.invitations.format')}
      </p>
      <label for="contacts-file">{t('console.invitations.file')}</label>
      <input
        type="file"
        id="contacts-file"
        name="file"
        accept=".csv,text/csv"
        aria-describedby="contacts-hint"
      />
      <label for="contacts-csv">{t('console.invitations.paste')}</label>
      <textarea id="contacts-csv" name="csv" dir="ltr" aria-describedby="contacts-hint">
        {props.pasted ?? ''}
      </textarea>
      <button type="submit">{t('console.invitations.send')}</button>
    </form>
  );
}

function Reminders(props: {
  language: Language;
  action: string;
  csrf: string;
  overview: InvitationsOverview;
  now: Date;
  mayChange: boolean;
}) {
  const { language, overview, now } = props;
  const t = translator(language);
  return (
    <section aria-labelledby="reminders">
      <h2 id="reminders">{t('console.invitations.reminders')}</h2>
      <p>
        {overview.toRemind === undefined
          ? t('console.invitations.toRemindUncounted', { count: overview.invitees })
          : t('console.invitations.toRemind', { count: overview.toRemind })}
      </p>
      {props.mayChange && overview.toRemind !== 0 && (
        <form method="post" action={props.action}>
          <input type="hidden" name="csrf" value={props.csrf} />
          <button type="submit">
            {overview.toRemind === undefined
              ? t('console.invitations.remindUncounted')
              : t('console.invitations.remind', { count: overview.toRemind })}
          </button>
        </form>
      )}
      {overview.reminders.map((reminder) => (
        <Progress
          id={`reminder-${reminder.reminderId}`}
          label={t('console.invitations.reminderOf', { date: utcTime(reminder.createdAt, language) })}
          record={reminder}
          progress={roundProgress(reminder, now)}
          t={t}
        />
      ))}
    </section>
  );
}

/**
 * `GET /console/reviews/{reviewId}/invitations`: the review's uploads of contacts, each with its progress and the
 * rows it refused or skipped; a form to upload more (a CSV file, or the CSV pasted); and a reminder to the invitees
 * who have not registered. While emails go out, the page reloads itself (unless asked not to).
 */
export function invitationsPage(
  language: Language,
  session: ConsoleSession,
  review: Review,
  overview: InvitationsOverview,
  now: Date,
  options: {
    mayChange: boolean;
    follow: boolean;
    shownUpload?: string;
    problem?: string[];
    pasted?: string;
    /** Which page of the uploads this is: the first unless given. */
    paging?: Paging;
  },
): string {
  const t = translator(language);
  const path = `/console/reviews/${review.reviewId}/invitations`;
  const progressOf = (record: ContactImport | InvitationReminder) => roundProgress(record, now);
  const running = [...overview.uploads, ...overview.reminders].some((record) =>
    inProgress(progressOf(record)),
  );
  const follow = running && options.follow;
  return renderPage(
    <ConsolePage
      language={language}
      session={session}
      title={t('console.invitations.title', { review: reviewTitle(review, t) })}
      pathname={path}
      refreshSeconds={follow ? REFRESH_SECONDS : undefined}
    >
      <p>{t('console.invitations.intro')}</p>
      {running && (
        <p class="notice">
          {follow ? (
            <>
              {t('console.invitations.following', { seconds: REFRESH_SECONDS })}{' '}
              <a href={`${path}?lang=${language}&follow=no`}>{t('console.invitations.stop')}</a>
            </>
          ) : (
            <a href={`${path}?lang=${language}`}>{t('console.invitations.follow')}</a>
          )}
        </p>
      )}
      {options.problem && (
        <div class="errors" role="alert">
          <Paragraphs texts={options.problem} />
        </div>
      )}
      {options.mayChange && (
        <UploadForm
          action={`${path}?lang=${language}`}
          csrf={session.csrfToken}
          pasted={options.pasted}
          t={t}
        />
      )}
      <h2>{t('console.invitations.uploads')}</h2>
      {overview.uploads.length === 0 && <p>{t('console.invitations.none')}</p>}
      {overview.uploads.map((upload) => (
        <article aria-labelledby={`upload-${upload.importId}`}>
          <h3 id={`upload-${upload.importId}`}>
            {t('console.invitations.uploadOf', { date: utcTime(upload.createdAt, language) })}
          </h3>
          <Checked upload={upload} t={t} />
          <Progress
            id={`progress-${upload.importId}`}
            label={t('console.invitations.sent')}
            record={upload}
            progress={progressOf(upload)}
            t={t}
          />
          <RowProblems upload={upload} open={upload.importId === options.shownUpload} t={t} />
        </article>
      ))}
      <PageLinks t={t} {...(options.paging ?? { paged: false })} href={pageAddress(path, language)} />
      <Reminders
        language={language}
        action={`${path}/reminders?lang=${language}`}
        csrf={session.csrfToken}
        overview={overview}
        now={now}
        mayChange={options.mayChange}
      />
    </ConsolePage>,
  );
}
