import type { AuditEntry } from '#domain/audit';
import type { Registrant } from '#domain/registrant';
import type { Review } from '#domain/review';
import { reviewTitle } from '#domain/wording';
import { countryName, type Language, nativeName } from '#i18n/languages';
import { type MessageKey, translator } from '#i18n/translate';
import type { ConsoleSession } from '#services/console-session';
import { Details, Paragraphs } from './components';
import { Changes, ConsolePage } from './console-pages';
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
 * `GET /console/reviews/{reviewId}/registrants/{email}`: one registration, what can be done to it (cancel, send its
 * link again, give a waiting registrant a free place), and what was done to it.
 */
export function registrantPage(
  language: Language,
  session: ConsoleSession,
  review: Review,
  detail: { registrant: Registrant; waitlistPosition?: number; history: AuditEntry[] },
  mayAct: boolean,
  problem?: string[],
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
      {mayAct && (
        <>
          <h2>{t('console.actions')}</h2>
          {r.status !== 'cancelled' && (
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
      <Changes language={language} entries={detail.history} />
    </ConsolePage>,
  );
}
