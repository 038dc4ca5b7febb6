import { COUNTRY_CODES } from '#domain/countries';
import type { PlannedMeeting } from '#domain/plan';
import { ATTENDANCE_MODES, type Registrant } from '#domain/registrant';
import type { Review } from '#domain/review';
import type { LinkProblem } from '#domain/tokens';
import { dateInWords, meetingName, meetingWhen, reviewTitle } from '#domain/wording';
import { type Language, regionNames } from '#i18n/languages';
import { type MessageKey, type Translate, translator } from '#i18n/translate';
import { Choice, Choices, Field, Paragraphs } from './components';
import { Layout, renderPage } from './layout';
import { ProofOfWork } from './proof-of-work';
import {
  ConsentField,
  EmailField,
  errorsOf,
  FormErrors,
  LanguageField,
  NameField,
  OrganisationField,
  type FormState as StakeholderFormState,
  StakeholderGroupField,
  TrapField,
} from './stakeholder-fields';

/** The fields of the registration form, each with its error message key. */
export const FORM_FIELDS = [
  'name',
  'email',
  'organisation',
  'stakeholderGroup',
  'country',
  'meetings',
  'attendanceMode',
  'language',
  'accessibilityNeeds',
  'consent',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type FormState = StakeholderFormState<{ [K in FormField]: K extends 'meetings' ? string[] : string }>;

interface ReviewContext {
  review: Review;
  meetings: PlannedMeeting[];
}

function CountryOptions({ language, selected }: { language: Language; selected: string | undefined }) {
  const names = regionNames(language);
  const collator = new Intl.Collator(language);
  const countries = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
  return (
    <>
      {countries.map(({ code, name }) => (
        <option value={code} selected={code === selected}>
          {name}
        </option>
      ))}
    </>
  );
}

function MeetingChoices(props: {
  t: Translate;
  language: Language;
  context: ReviewContext;
  chosen: string[] | undefined;
  error: string | undefined;
}) {
  const { t, language, chosen } = props;
  return (
    <Choices id="meetings" legend={t('form.meetings')} error={props.error}>
      {props.context.meetings.map((m, i) => (
        <Choice
          type="checkbox"
          id={i === 0 ? 'meetings' : undefined}
          name="meetings"
          value={m.id}
          checked={!chosen || chosen.includes(m.id)}
        >
          {`${meetingName(m, t)}: ${meetingWhen(m, language)}`}
        </Choice>
      ))}
    </Choices>
  );
}

function AttendanceChoices(props: { t: Translate; mode: string | undefined; error: string | undefined }) {
  const { t, mode } = props;
  return (
    <Choices id="attendanceMode" legend={t('form.attendanceMode')} error={props.error}>
      {ATTENDANCE_MODES.map((m, i) => (
        <Choice
          type="radio"
          id={i === 0 ? 'attendanceMode' : undefined}
          name="attendanceMode"
          value={m}
          checked={(mode ?? 'online') === m}
        >
          {t(`attendance.${m}`)}
        </Choice>
      ))}
    </Choices>
  );
}

export function registrationFormPage(
  language: Language,
  context: ReviewContext,
  state: FormState,
  query = {},
) {
  const t = translator(language);
  const v = state.values;
  const error = errorsOf(t, state.errors);
  const title = t('register.title', { review: reviewTitle(context.review, t) });
  const hasHybrid = context.meetings.some((m) => m.mode === 'hybrid');
  const pathname = `/register/${context.review.reviewId}`;
  return renderPage(
    <Layout language={language} title={title} path={{ pathname, query }}>
      <p>
        {t(
          context.review.kind === 'regional-review'
            ? 'register.intro'
            : `register.intro.${context.review.kind}`,
        )}
      </p>
      <FormErrors t={t} errors={state.errors} />
      <form method="post" action={`${pathname}?lang=${language}`} novalidate>
        <NameField t={t} value={v.name} error={error('name')} />
        <EmailField t={t} value={v.email} error={error('email')} hint={t('form.emailHint')} />
        <OrganisationField t={t} value={v.organisation} error={error('organisation')} />
        <StakeholderGroupField t={t} value={v.stakeholderGroup} error={error('stakeholderGroup')} />
        <Field id="country" label={t('form.country')} error={error('country')}>
          {(described) => (
            <select id="country" name="country" required autocomplete="country" {...described}>
              <option value="">{t('form.chooseOne')}</option>
              <CountryOptions language={language} selected={v.country} />
            </select>
          )}
        </Field>
        <MeetingChoices
          t={t}
          language={language}
          context={context}
          chosen={v.meetings}
          error={error('meetings')}
        />
        {hasHybrid && <AttendanceChoices t={t} mode={v.attendanceMode} error={error('attendanceMode')} />}
        <LanguageField
          t={t}
          label={t('form.language')}
          value={v.language ?? language}
          error={error('language')}
        />
        <Field
          id="accessibilityNeeds"
          label={t('form.accessibility')}
          hint={t('form.accessibilityHint')}
          error={error('accessibilityNeeds')}
        >
          {(described) => (
            <textarea id="accessibilityNeeds" name="accessibilityNeeds" maxlength={1000} {...described}>
              {v.accessibilityNeeds ?? ''}
            </textarea>
          )}
        </Field>
        <ConsentField
          t={t}
          language={language}
          text={t('form.consent')}
          value={v.consent}
          error={error('consent')}
        />
        <TrapField t={t} />
        <ProofOfWork t={t} challenge={state.challenge} submit={t('form.submit')} />
        <button type="submit">{t('form.submit')}</button>
      </form>
    </Layout>,
  );
}

/** A page of a title and paragraphs of plain text. */
export function simplePage(language: Language, titleKey: MessageKey, paragraphs: string[]): string {
  return renderPage(
    <Layout language={language} title={translator(language)(titleKey)}>
      <Paragraphs texts={paragraphs} />
    </Layout>,
  );
}

export function registrationClosedPage(language: Language): string {
  return simplePage(language, 'link.invalid.title', [translator(language)('register.closed')]);
}

export function registrationSentPage(language: Language): string {
  return simplePage(language, 'register.sent.title', [translator(language)('register.sent.body')]);
}

export function tooManyAttemptsPage(language: Language): string {
  return simplePage(language, 'register.tooMany.title', [translator(language)('register.tooMany.body')]);
}

export function confirmFormPage(language: Language, review: Review, token: string): string {
  const t = translator(language);
  return renderPage(
    <Layout language={language} title={t('confirm.title')} path={{ pathname: '/confirm', query: { token } }}>
      <p>{t('confirm.body', { review: reviewTitle(review, t) })}</p>
      <form method="post" action={`/confirm?lang=${language}`}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">{t('confirm.button')}</button>
      </form>
    </Layout>,
  );
}

export function confirmedPage(
  language: Language,
  review: Review,
  already: boolean,
  waitlisted: boolean,
  awaitingApproval = false,
): string {
  const t = translator(language);
  const title = reviewTitle(review, t);
  if (awaitingApproval)
    return simplePage(language, 'confirmed.awaiting.title', [t('confirmed.awaiting', { review: title })]);
  return simplePage(language, 'confirmed.title', [
    already ? t('confirmed.already', { review: title }) : t('confirmed.body', { review: title }),
    ...(waitlisted ? [t('confirmed.waitlisted')] : []),
  ]);
}

export function invalidLinkPage(language: Language, reason: LinkProblem): string {
  const t = translator(language);
  const why =
    reason === 'expired'
      ? t('link.invalid.expired')
      : reason === 'used'
        ? t('link.invalid.used')
        : t('link.invalid.forged');
  return simplePage(language, 'link.invalid.title', [why, t('link.invalid.again')]);
}

export function managePage(
  language: Language,
  context: ReviewContext,
  registrant: Registrant,
  token: string,
  waitlistPosition: number | undefined,
  errors: FormField[],
  dataRights: { months: number; purgeOn: string; eraseUnconfirmed: boolean },
): string {
  const t = translator(language);
  const state: FormState = { values: {}, errors };
  const error = errorsOf(t, state.errors);
  const hasHybrid = context.meetings.some((m) => m.mode === 'hybrid');
  const seat =
    registrant.seat === 'seat'
      ? [t('manage.seat.seat')]
      : registrant.seat === 'waitlisted'
        ? [t('manage.seat.waitlisted', { position: waitlistPosition ?? 0 })]
        : [];
  const title = t('manage.title', { review: reviewTitle(context.review, t) });
  return renderPage(
    <Layout language={language} title={title} path={{ pathname: '/manage', query: { token } }}>
      <Paragraphs texts={[t('manage.intro', { name: registrant.name, email: registrant.email }), ...seat]} />
      <FormErrors t={t} errors={state.errors} />
      <form method="post" action={`/manage?lang=${language}`}>
        <input type="hidden" name="token" value={token} />
        <MeetingChoices
          t={t}
          language={language}
          context={context}
          chosen={registrant.meetings}
          error={error('meetings')}
        />
        {hasHybrid && (
          <AttendanceChoices t={t} mode={registrant.attendanceMode} error={error('attendanceMode')} />
        )}
        <LanguageField
          t={t}
          label={t('form.language')}
          value={registrant.language}
          error={error('language')}
        />
        <button type="submit">{t('form.save')}</button>
      </form>
      <h2>{t('manage.cancel.heading')}</h2>
      <p>{t('manage.cancel.body')}</p>
      <form method="post" action={`/manage/cancel?lang=${language}`}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" class="danger">
          {t('manage.cancel.button')}
        </button>
      </form>
      <YourData language={language} token={token} {...dataRights} />
    </Layout>,
  );
}

export function privacyPage(language: Language, months: number): string {
  const t = translator(language);
  return renderPage(
    <Layout language={language} title={t('privacy.title')} path={{ pathname: '/privacy' }}>
      <p>{t('privacy.body')}</p>
      <p>{t('privacy.retention', { months })}</p>
      <p>{t('privacy.rights')}</p>
    </Layout>,
  );
}

export function unsubscribePage(language: Language, review: Review, token: string): string {
  const t = translator(language);
  return renderPage(
    <Layout
      language={language}
      title={t('unsubscribe.title')}
      path={{ pathname: '/unsubscribe', query: { token } }}
    >
      <p>{t('unsubscribe.body', { review: reviewTitle(review, t) })}</p>
      <form method="post" action={`/unsubscribe?${new URLSearchParams({ token, lang: language })}`}>
        <button type="submit">{t('unsubscribe.button')}</button>
      </form>
    </Layout>,
  );
}

export function unsubscribedPage(language: Language, review: Review): string {
  const t = translator(language);
  return simplePage(language, 'unsubscribe.done.title', [
    t('unsubscribe.done.body', { review: reviewTitle(review, t) }),
  ]);
}

/**
 * The registrant's rights over their data on the manage page: when it is deleted anyway, a copy of all of it, and
 * its erasure, which needs a box ticked so that a slip cannot erase it.
 */
function YourData(props: {
  language: Language;
  token: string;
  months: number;
  purgeOn: string;
  eraseUnconfirmed: boolean;
}) {
  const { language, token } = props;
  const t = translator(language);
  const purgeOn = dateInWords({ kind: 'exact', date: props.purgeOn, tentative: false }, language);
  return (
    <>
      <h2>{t('manage.data.heading')}</h2>
      <p>{t('manage.data.retention', { months: props.months, date: purgeOn })}</p>
      <form method="post" action={`/manage/data?lang=${language}`}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">{t('manage.data.download')}</button>
      </form>
      <form method="post" action={`/manage/erase?lang=${language}`}>
        <input type="hidden" name="token" value={token} />
        <p>{t('manage.erase.body')}</p>
        {props.eraseUnconfirmed && (
          <p class="error" id="confirm-error" role="alert">
            {t('manage.erase.confirmNeeded')}
          </p>
        )}
        <label>
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            required
            aria-describedby={props.eraseUnconfirmed ? 'confirm-error' : undefined}
          />{' '}
          <span>{t('manage.erase.confirm')}</span>
        </label>
        <button type="submit" class="danger">
          {t('manage.erase.button')}
        </button>
      </form>
    </>
  );
}
