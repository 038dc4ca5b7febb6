import { MAX_CONTRIBUTION_CHARACTERS } from '#domain/contribution';
import type { Review } from '#domain/review';
import { reviewTitle } from '#domain/wording';
import type { Language } from '#i18n/languages';
import { translator } from '#i18n/translate';
import { Choice, Choices, Field } from './components';
import { Layout, renderPage } from './layout';
import { ProofOfWork } from './proof-of-work';
import { simplePage } from './registration-pages';
import {
  ConsentField,
  EmailField,
  errorsOf,
  FormErrors,
  type FormState,
  LanguageField,
  NameField,
  ObjectivesField,
  OrganisationField,
  StakeholderGroupField,
  TrapField,
} from './stakeholder-fields';

/** The fields of the contribution form, in the order the page shows them. */
export const CONTRIBUTION_FIELDS = [
  'name',
  'email',
  'organisation',
  'stakeholderGroup',
  'language',
  'title',
  'text',
  'link',
  'objectives',
  'publishable',
  'consent',
] as const;
export type ContributionField = (typeof CONTRIBUTION_FIELDS)[number];
export type ContributionFormState = FormState<{
  [K in ContributionField]: K extends 'objectives' ? string[] : string;
}>;

/** `GET /contribute/{reviewId}`: a written contribution to the review, in the reader's language. */
export function contributionFormPage(
  language: Language,
  review: Review,
  state: ContributionFormState,
): string {
  const t = translator(language);
  const v = state.values;
  const error = errorsOf(t, state.errors);
  const pathname = `/contribute/${review.reviewId}`;
  return renderPage(
    <Layout
      language={language}
      title={t('contribute.title', { review: reviewTitle(review, t) })}
      path={{ pathname }}
    >
      <p>{t('contribute.intro')}</p>
      <FormErrors t={t} errors={state.errors} />
      <form method="post" action={`${pathname}?lang=${language}`} novalidate>
        <NameField t={t} value={v.name} error={error('name')} />
        <EmailField t={t} value={v.email} error={error('email')} hint={t('form.contributionEmailHint')} />
        <OrganisationField t={t} value={v.organisation} error={error('organisation')} />
        <StakeholderGroupField t={t} value={v.stakeholderGroup} error={error('stakeholderGroup')} />
        <LanguageField
          t={t}
          label={t('form.contributionLanguage')}
          value={v.language ?? language}
          error={error('language')}
        />
        <Field id="title" label={t('form.contributionTitle')} error={error('title')}>
          {(described) => (
            <input
              type="text"
              id="title"
              name="title"
              required
              maxlength={200}
              value={v.title}
              {...described}
            />
          )}
        </Field>
        <Field id="text" label={t('form.text')} hint={t('form.textHint')} error={error('text')}>
          {(described) => (
            <textarea id="text" name="text" rows={12} maxlength={MAX_CONTRIBUTION_CHARACTERS} {...described}>
              {v.text ?? ''}
            </textarea>
          )}
        </Field>
        <Field id="link" label={t('form.link')} hint={t('form.linkHint')} error={error('link')}>
          {(described) => (
            <input
              type="url"
              id="link"
              name="link"
              dir="ltr"
              maxlength={2000}
              value={v.link}
              {...described}
            />
          )}
        </Field>
        <ObjectivesField
          t={t}
          legend={t('form.objectives')}
          chosen={v.objectives}
          error={error('objectives')}
        />
        <Choices id="publishable" legend={t('form.publishable')} error={error('publishable')}>
          <Choice
            type="radio"
            id="publishable"
            name="publishable"
            value="yes"
            checked={v.publishable === 'yes'}
          >
            {t('form.publishable.yes')}
          </Choice>
          <Choice type="radio" name="publishable" value="no" checked={v.publishable === 'no'}>
            {t('form.publishable.no')}
          </Choice>
        </Choices>
        <ConsentField
          t={t}
          language={language}
          text={t('form.contributionConsent')}
          value={v.consent}
          error={error('consent')}
        />
        <TrapField t={t} />
        <ProofOfWork t={t} challenge={state.challenge} submit={t('contribute.submit')} />
        <button type="submit">{t('contribute.submit')}</button>
      </form>
    </Layout>,
  );
}

/** A review that does not exist, or is cancelled, takes no contribution. */
export function contributionsClosedPage(language: Language): string {
  return simplePage(language, 'link.invalid.title', [translator(language)('contribute.closed')]);
}

/** The contribution's emailed link opens this page: its button sends the contribution on. */
export function contributionConfirmPage(
  language: Language,
  review: Review,
  title: string,
  token: string,
): string {
  const t = translator(language);
  return renderPage(
    <Layout
      language={language}
      title={t('contribute.confirm.title')}
      path={{ pathname: '/contributions/confirm', query: { token } }}
    >
      <p>{t('contribute.confirm.body', { title, review: reviewTitle(review, t) })}</p>
      <form method="post" action={`/contributions/confirm?lang=${language}`}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">{t('contribute.confirm.button')}</button>
      </form>
    </Layout>,
  );
}
