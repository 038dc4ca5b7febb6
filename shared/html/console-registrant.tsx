import type { AuditEntry } from '#domain/audit';
import type { Registrant } from '#domain/registrant';
import type { Review } from '#domain/review';
import { reviewTitle } from '#domain/wording';
import { countryName, type Language, nativeName } from '#i18n/languages';
import { type MessageKey, type Translate, translator } from '#i18n/translate';
import type { ConsoleSession } from '#services/console-session';
import { Details, Paragraphs } from './components';
import { ApprovalForms } from './console-approval';
import { Changes, ConsolePage } from './console-pages';
import { PersonalDataSection } from './console-personal-data';
import { renderPage } from './layout';

/** One action's form: the session's token, the action, a button. */
function ActionForm(props: { action: string; csrf: string; name: string; label: string; danger?: boolean }) {
  return (
    <form method="post" action={props.action}>
      <input type="hidden" name="csrf" value={props.csrf} />
      <input type="hidden" name="action" value={props.name} />
      <button type="submit" class={props.danger ? 'danger' : undefined}>
        {props.label}
      </button>
    </form>
  );
}

/**
 * Cancelling cannot be undone (the holder is emailed, their place goes to the next in line), so the cancel
 * button only asks: this form, with `confirm=yes`, cancels; the other way keeps the registration.
 */
function ConfirmCancel(props: {
  action: string;
  back: string;
  csrf: string;
  name: string;
  review: string;
  t: Translate;
}) {
  const { t } = props;
  return (
    <section class="notice" aria-labelledby="confirm-cancel">
      <h2 id="confirm-cancel">{t('console.cancel.question')}</h2>
      <p>{t('console.cancel.consequences', { name: props.name, review: props.review })}</p>
      <form method="post" action={props.action}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <input type="hidden" name="action" value="cancel" />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="danger">
          {t('console.cancel.confirm')}
        </button>
      </form>
      <p>
        <a href={props.back}>{t('console.cancel.keep')}</a>
      </p>
    </section>
  );
}

/**
 * `GET /console/reviews/{reviewId}/registrants/{email}`: one registration, what can be done to it (cancel, send its
 * link again, give a waiting registrant a free place), and what was done to it; `confirmingCancel`, the question
 * whether to cancel it indeed, in place of the actions.
 */
export function registrantPage(
  language: Language,
  session: ConsoleSession,
  review: Review,
  detail: { registrant: Registrant; waitlistPosition?: number; history: AuditEntry[]; correlationId: string },
  mayAct: boolean,
  problem?: string[],
  confirmingCancel = false,
): string {
  const t = translator(language);
  const r = detail.registrant;
  const path = `/console/reviews/${review.reviewId}/registrants/${encodeURIComponent(r.email)}`;
  const action = `${path}?lang=${language}`;
  const rows: [string, string][] = [
    [t('form.email'), r.email],
    [t('form.organisation'), r.organisation ?? '—'],
    [t('form.stakeholderGroup'), r.stakeholderGroup ? t(`group.${r.stakeholderGroup}`) : '—'],
    [t('form.country'), r.country ? countryName(r.country, language) : '—'],
    [t('console.column.language'), nativeName(r.language)],
    [t('console.column.attendance'), t(`attendance.${r.attendanceMode}`)],
    [t('console.column.status'), t(`console.registrant.${r.status}` as MessageKey)],
    ...(r.seat
      ? [
          [
            t('console.seat'),
            r.seat === 'waitlisted' && detail.waitlistPosition
              ? `${t('console.seat.waitlisted')} (${detail.waitlistPosition})`
              : t(`console.seat.${r.seat}`),
          ] as [string, string],
        ]
      : []),
    [t('form.accessibility'), r.accessibilityNeeds ?? '—'],
    [t('console.correlationId'), detail.correlationId],
  ];
  return renderPage(
    <ConsolePage
      language={language}
      session={session}
      title={t('console.registrantOf', { name: r.name, review: reviewTitle(review, t) })}
      pathname={path}
    >
      <Details rows={rows} />
      {problem && (
        <div class="errors" role="alert">
          <Paragraphs texts={problem} />
        </div>
      )}
      {mayAct && confirmingCancel && (
        <ConfirmCancel
          action={action}
          back={action}
          csrf={session.csrfToken}
          name={r.name}
          review={reviewTitle(review, t)}
          t={t}
        />
      )}
      {mayAct && !confirmingCancel && (
        <>
          <h2>{t('console.actions')}</h2>
          {r.status === 'awaiting-approval' && (
            <ApprovalForms t={t} action={action} csrf={session.csrfToken} />
          )}
          {(r.status === 'pending' || r.status === 'confirmed') && (
            <ActionForm
              action={action}
              csrf={session.csrfToken}
              name="resend"
              label={t('console.action.resend')}
            />
          )}
          {r.seat === 'waitlisted' && (
            <ActionForm
              action={action}
              csrf={session.csrfToken}
              name="place"
              label={t('console.action.place')}
            />
          )}
          {r.status === 'confirmed' && (
            <ActionForm
              action={action}
              csrf={session.csrfToken}
              name="cancel"
              label={t('console.action.cancel')}
              danger
            />
          )}
        </>
      )}
      <PersonalDataSection
        language={language}
        csrfToken={session.csrfToken}
        base={`/console/reviews/${review.reviewId}/registrants/${encodeURIComponent(detail.registrant.email)}`}
        mayErase={mayAct}
      />
      <Changes language={language} entries={detail.history} />
    </ConsolePage>,
  );
}
