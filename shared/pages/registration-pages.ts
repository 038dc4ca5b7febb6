import { escapeHtml } from '../domain/html';
import type { PlannedMeeting } from '../domain/plan';
import { ATTENDANCE_MODES, COUNTRY_CODES, type Registrant, STAKEHOLDER_GROUPS } from '../domain/registrant';
import type { Review } from '../domain/review';
import { meetingName, meetingWhen, reviewTitle } from '../domain/wording';
import { LANGUAGES, type Language, nativeName } from '../i18n/languages';
import { type MessageKey, type Translate, translator } from '../i18n/translate';
import { page, paragraph } from './layout';

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

export interface FormState {
  values: { [K in FormField]?: K extends 'meetings' ? string[] : string };
  errors: FormField[];
}

interface ReviewContext {
  review: Review;
  meetings: PlannedMeeting[];
}

const attr = (name: string, value: string | undefined) => (value ? ` ${name}="${escapeHtml(value)}"` : '');

function field(
  t: Translate,
  state: FormState,
  name: FormField,
  label: string,
  control: string,
  hint?: string,
) {
  const invalid = state.errors.includes(name);
  const hintHtml = hint ? `<p class="hint" id="${name}-hint">${escapeHtml(hint)}</p>` : '';
  const error = invalid
    ? `<p class="error" id="${name}-error">${escapeHtml(t(`error.${name}` as MessageKey))}</p>`
    : '';
  return `<label for="${name}">${escapeHtml(label)}</label>${hintHtml}${error}${control}`;
}

function describedBy(state: FormState, name: FormField, hasHint = false): string {
  const ids = [
    ...(hasHint ? [`${name}-hint`] : []),
    ...(state.errors.includes(name) ? [`${name}-error`] : []),
  ];
  return `${ids.length ? ` aria-describedby="${ids.join(' ')}"` : ''}${state.errors.includes(name) ? ' aria-invalid="true"' : ''}`;
}

function countryOptions(language: Language, selected: string | undefined): string {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  const collator = new Intl.Collator(language);
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(
      ({ code, name }) =>
        `<option value="${code}"${code === selected ? ' selected' : ''}>${escapeHtml(name)}</option>`,
    )
    .join('');
}

/** The first box of a group carries the group's id: the error summary's `#meetings` link lands on it. */
const firstId = (name: FormField, index: number) => (index === 0 ? ` id="${name}"` : '');

function meetingChoices(
  t: Translate,
  language: Language,
  context: ReviewContext,
  chosen: string[] | undefined,
) {
  return context.meetings
    .map((m, i) => {
      const checked = !chosen || chosen.includes(m.id) ? ' checked' : '';
      const label = `${meetingName(m.kind, t)}: ${meetingWhen(m, language)}`;
      return `<label><input type="checkbox"${firstId('meetings', i)} name="meetings" value="${escapeHtml(m.id)}"${checked}> <span>${escapeHtml(label)}</span></label>`;
    })
    .join('');
}

function fieldset(t: Translate, state: FormState, name: FormField, legend: string, choices: string): string {
  const invalid = state.errors.includes(name);
  const error = invalid
    ? `<p class="error" id="${name}-error">${escapeHtml(t(`error.${name}` as MessageKey))}</p>`
    : '';
  return `<fieldset${invalid ? ` aria-describedby="${name}-error"` : ''}><legend>${escapeHtml(legend)}</legend>${error}${choices}</fieldset>`;
}

function attendanceChoices(t: Translate, mode: string | undefined): string {
  return ATTENDANCE_MODES.map((m, i) => {
    const checked = (mode ?? 'online') === m ? ' checked' : '';
    return `<label><input type="radio"${firstId('attendanceMode', i)} name="attendanceMode" value="${m}"${checked}> <span>${escapeHtml(t(`attendance.${m}`))}</span></label>`;
  }).join('');
}

function languageSelect(state: FormState, selected: string): string {
  const options = LANGUAGES.map(
    (l) =>
      `<option value="${l}" lang="${l}"${l === selected ? ' selected' : ''}>${escapeHtml(nativeName(l))}</option>`,
  ).join('');
  return `<select id="language" name="language"${describedBy(state, 'language')}>${options}</select>`;
}

function errorSummary(t: Translate, state: FormState): string {
  if (state.errors.length === 0) return '';
  const items = state.errors
    .map((f) => `<li><a href="#${f}">${escapeHtml(t(`error.${f}` as MessageKey))}</a></li>`)
    .join('');
  return `<div class="errors" role="alert"><p>${escapeHtml(t('form.fixErrors'))}</p><ul>${items}</ul></div>`;
}

export function registrationFormPage(
  language: Language,
  context: ReviewContext,
  state: FormState,
  query = {},
) {
  const t = translator(language);
  const v = state.values;
  const title = t('register.title', { review: reviewTitle(context.review, t) });
  const groups = STAKEHOLDER_GROUPS.map(
    (g) =>
      `<option value="${g}"${v.stakeholderGroup === g ? ' selected' : ''}>${escapeHtml(t(`group.${g}`))}</option>`,
  ).join('');
  const hasHybrid = context.meetings.some((m) => m.kind === 'hybrid-consultation');
  const pathname = `/register/${context.review.reviewId}`;
  const body = `${paragraph(t('register.intro'))}
${errorSummary(t, state)}
<form method="post" action="${escapeHtml(`${pathname}?lang=${language}`)}" novalidate>
${field(t, state, 'name', t('form.name'), `<input type="text" id="name" name="name" autocomplete="name" required maxlength="120"${attr('value', v.name)}${describedBy(state, 'name')}>`)}
${field(t, state, 'email', t('form.email'), `<input type="email" id="email" name="email" autocomplete="email" required maxlength="254" dir="ltr"${attr('value', v.email)}${describedBy(state, 'email', true)}>`, t('form.emailHint'))}
${field(t, state, 'organisation', t('form.organisation'), `<input type="text" id="organisation" name="organisation" autocomplete="organization" maxlength="200"${attr('value', v.organisation)}${describedBy(state, 'organisation')}>`)}
${field(t, state, 'stakeholderGroup', t('form.stakeholderGroup'), `<select id="stakeholderGroup" name="stakeholderGroup" required${describedBy(state, 'stakeholderGroup')}><option value="">${escapeHtml(t('form.chooseOne'))}</option>${groups}</select>`)}
${field(t, state, 'country', t('form.country'), `<select id="country" name="country" required autocomplete="country"${describedBy(state, 'country')}><option value="">${escapeHtml(t('form.chooseOne'))}</option>${countryOptions(language, v.country)}</select>`)}
${fieldset(t, state, 'meetings', t('form.meetings'), meetingChoices(t, language, context, v.meetings))}
${hasHybrid ? fieldset(t, state, 'attendanceMode', t('form.attendanceMode'), attendanceChoices(t, v.attendanceMode)) : ''}
${field(t, state, 'language', t('form.language'), languageSelect(state, v.language ?? language))}
${field(t, state, 'accessibilityNeeds', t('form.accessibility'), `<textarea id="accessibilityNeeds" name="accessibilityNeeds" maxlength="1000"${describedBy(state, 'accessibilityNeeds', true)}>${escapeHtml(v.accessibilityNeeds ?? '')}</textarea>`, t('form.accessibilityHint'))}
${fieldset(t, state, 'consent', t('site.privacy'), `<label><input type="checkbox" id="consent" name="consent" value="yes" required${v.consent ? ' checked' : ''}> <span>${escapeHtml(t('form.consent'))} <a href="/privacy?lang=${language}">${escapeHtml(t('site.privacy'))}</a></span></label>`)}
<div class="trap" aria-hidden="true"><label for="website">${escapeHtml(t('form.website'))}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">${escapeHtml(t('form.submit'))}</button>
</form>`;
  return page({ language, title, body, path: { pathname, query } });
}

export function simplePage(
  language: Language,
  titleKey: MessageKey,
  paragraphs: string[],
  body = '',
): string {
  const t = translator(language);
  return page({ language, title: t(titleKey), body: `${paragraphs.map(paragraph).join('\n')}${body}` });
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
  const form = `<form method="post" action="/confirm?lang=${language}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${escapeHtml(t('confirm.button'))}</button>
</form>`;
  return page({
    language,
    title: t('confirm.title'),
    body: `${paragraph(t('confirm.body', { review: reviewTitle(review, t) }))}${form}`,
    path: { pathname: '/confirm', query: { token } },
  });
}

export function confirmedPage(
  language: Language,
  review: Review,
  already: boolean,
  waitlisted: boolean,
): string {
  const t = translator(language);
  const title = reviewTitle(review, t);
  return simplePage(language, 'confirmed.title', [
    already ? t('confirmed.already', { review: title }) : t('confirmed.body', { review: title }),
    ...(waitlisted ? [t('confirmed.waitlisted')] : []),
  ]);
}

export type InvalidLinkReason = 'malformed' | 'forged' | 'expired' | 'used' | 'missing';

export function invalidLinkPage(language: Language, reason: InvalidLinkReason): string {
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
  errors: FormField[] = [],
): string {
  const t = translator(language);
  const state: FormState = { values: {}, errors };
  const hasHybrid = context.meetings.some((m) => m.kind === 'hybrid-consultation');
  const seat =
    registrant.seat === 'seat'
      ? paragraph(t('manage.seat.seat'))
      : registrant.seat === 'waitlisted'
        ? paragraph(t('manage.seat.waitlisted', { position: waitlistPosition ?? 0 }))
        : '';
  const hidden = `<input type="hidden" name="token" value="${escapeHtml(token)}">`;
  const body = `${paragraph(t('manage.intro', { name: registrant.name, email: registrant.email }))}${seat}
${errorSummary(t, state)}
<form method="post" action="/manage?lang=${language}">
${hidden}
${fieldset(t, state, 'meetings', t('form.meetings'), meetingChoices(t, language, context, registrant.meetings))}
${hasHybrid ? fieldset(t, state, 'attendanceMode', t('form.attendanceMode'), attendanceChoices(t, registrant.attendanceMode)) : ''}
${field(t, state, 'language', t('form.language'), languageSelect(state, registrant.language))}
<button type="submit">${escapeHtml(t('form.save'))}</button>
</form>
<h2>${escapeHtml(t('manage.cancel.heading'))}</h2>
${paragraph(t('manage.cancel.body'))}
<form method="post" action="/manage/cancel?lang=${language}">
${hidden}
<button type="submit" class="danger">${escapeHtml(t('manage.cancel.button'))}</button>
</form>`;
  return page({
    language,
    title: t('manage.title', { review: reviewTitle(context.review, t) }),
    body,
    path: { pathname: '/manage', query: { token } },
  });
}

export function privacyPage(language: Language): string {
  const t = translator(language);
  return page({
    language,
    title: t('privacy.title'),
    body: paragraph(t('privacy.body')),
    path: { pathname: '/privacy' },
  });
}

export function unsubscribePage(language: Language, review: Review, token: string): string {
  const t = translator(language);
  const form = `<form method="post" action="${escapeHtml(`/unsubscribe?${new URLSearchParams({ token, lang: language })}`)}">
<button type="submit">${escapeHtml(t('unsubscribe.button'))}</button>
</form>`;
  return page({
    language,
    title: t('unsubscribe.title'),
    body: `${paragraph(t('unsubscribe.body', { review: reviewTitle(review, t) }))}${form}`,
    path: { pathname: '/unsubscribe', query: { token } },
  });
}

export function unsubscribedPage(language: Language, review: Review): string {
  const t = translator(language);
  return simplePage(language, 'unsubscribe.done.title', [
    t('unsubscribe.done.body', { review: reviewTitle(review, t) }),
  ]);
}
