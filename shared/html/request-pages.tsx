import type { Challenge } from 'altcha-lib';
import { REGIONS } from '#domain/regions';
import {
  type RequestKind,
  requestTitle,
  type StakeholderRequest,
  TALK_FORMATS,
  TALK_LEVELS,
} from '#domain/request';
import type { Language } from '#i18n/languages';
import { type Translate, translator } from '#i18n/translate';
import { Choice, Choices, Field } from './components';
import { Layout, renderPage } from './layout';
import { ProofOfWork } from './proof-of-work';
import {
  ConsentField,
  EmailField,
  errorsOf,
  FormErrors,
  type FormState,
  LanguageField,
  LanguagesField,
  NameField,
  ObjectivesField,
  TextField,
  TrapField,
} from './stakeholder-fields';

/** The fields of the briefing request form, in the order the page shows them. */
export const BRIEFING_FIELDS = [
  'network',
  'scope',
  'regions',
  'topic',
  'preferredDates',
  'languages',
  'expectedParticipants',
  'name',
  'email',
  'language',
  'consent',
] as const;
export type BriefingField = (typeof BRIEFING_FIELDS)[number];
export type BriefingFormState = FormState<{
  [K in BriefingField]: K extends 'regions' | 'languages' ? string[] : string;
}>;

/** The fields of the GCM Talk proposal form, in the order the page shows them. */
export const TALK_FIELDS = [
  'title',
  'organisers',
  'level',
  'themes',
  'objectives',
  'proposedDate',
  'format',
  'interpretationLanguages',
  'audience',
  'name',
  'email',
  'language',
  'consent',
] as const;
export type TalkField = (typeof TALK_FIELDS)[number];
export type TalkFormState = FormState<{
  [K in TalkField]: K extends 'objectives' | 'interpretationLanguages' ? string[] : string;
}>;

/** One radio button per option, labelled from the catalog's `<prefix>.<option>`. */
function Radios(props: {
  t: Translate;
  name: string;
  legend: string;
  options: readonly string[];
  labelKey: (option: string) => Parameters<Translate>[0];
  value?: string;
  error?: string;
}) {
  return (
    <Choices id={props.name} legend={props.legend} error={props.error}>
      {props.options.map((option, i) => (
        <Choice
          type="radio"
          id={i === 0 ? props.name : undefined}
          name={props.name}
          value={option}
          checked={props.value === option}
        >
          {props.t(props.labelKey(option))}
        </Choice>
      ))}
    </Choices>
  );
}

/** Who is asking, and the button that sends: the same last fields on both forms, with a busy network's proof. */
function Requester(props: {
  t: Translate;
  language: Language;
  kind: RequestKind;
  values: { name?: string; email?: string; language?: string; consent?: string };
  challenge: Challenge | undefined;
  error: (field: 'name' | 'email' | 'language' | 'consent') => string | undefined;
}) {
  const { t, values: v, error } = props;
  const submit = t(`request.submit.${props.kind}`);
  return (
    <>
      <NameField t={t} value={v.name} error={error('name')} />
      <EmailField t={t} value={v.email} error={error('email')} hint={t('form.requestEmailHint')} />
      <LanguageField
        t={t}
        label={t('form.requestLanguage')}
        value={v.language ?? props.language}
        error={error('language')}
      />
      <ConsentField
        t={t}
        language={props.language}
        text={t('form.requestConsent')}
        value={v.consent}
        error={error('consent')}
      />
      <TrapField t={t} />
      <ProofOfWork t={t} challenge={props.challenge} submit={submit} />
      <button type="submit">{submit}</button>
    </>
  );
}

/** `GET /briefings/request`: a stakeholder network asks for a briefing. */
export function briefingRequestPage(language: Language, state: BriefingFormState): string {
  const t = translator(language);
  const v = state.values;
  const error = errorsOf(t, state.errors);
  const pathname = '/briefings/request';
  const regions = new Set(v.regions ?? []);
  return renderPage(
    <Layout language={language} title={t('briefing.title')} path={{ pathname }}>
      <p>{t('briefing.intro')}</p>
      <FormErrors t={t} errors={state.errors} />
      <form method="post" action={`${pathname}?lang=${language}`} novalidate>
        <TextField
          id="network"
          label={t('form.network')}
          value={v.network}
          error={error('network')}
          maxlength={200}
        />
        <Radios
          t={t}
          name="scope"
          legend={t('form.scope')}
          options={['sectoral', 'regional']}
          labelKey={(scope) => `form.scope.${scope}` as Parameters<Translate>[0]}
          value={v.scope}
          error={error('scope')}
        />
        <Choices id="regions" legend={t('form.regions')} error={error('regions')}>
          <p class="hint">{t('form.regionsHint')}</p>
          {REGIONS.map((region, i) => (
            <Choice
              type="checkbox"
              id={i === 0 ? 'regions' : undefined}
              name="regions"
              value={region}
              checked={regions.has(region)}
            >
              {t(`region.${region}`)}
            </Choice>
          ))}
        </Choices>
        <TextField
          id="topic"
          label={t('form.topic')}
          value={v.topic}
          error={error('topic')}
          maxlength={200}
        />
        <TextField
          id="preferredDates"
          label={t('form.preferredDates')}
          hint={t('form.dateHint')}
          value={v.preferredDates}
          error={error('preferredDates')}
          maxlength={100}
        />
        <LanguagesField
          name="languages"
          legend={t('form.interpretation')}
          chosen={v.languages}
          error={error('languages')}
        />
        <TextField
          id="expectedParticipants"
          type="number"
          label={t('form.expectedParticipants')}
          value={v.expectedParticipants}
          error={error('expectedParticipants')}
          maxlength={10_000}
        />
        <Requester
          t={t}
          language={language}
          kind="briefing"
          values={v}
          challenge={state.challenge}
          error={error}
        />
      </form>
    </Layout>,
  );
}

/** `GET /talks/propose`: anyone proposes a GCM Talk. */
export function talkProposalPage(language: Language, state: TalkFormState): string {
  const t = translator(language);
  const v = state.values;
  const error = errorsOf(t, state.errors);
  const pathname = '/talks/propose';
  return renderPage(
    <Layout language={language} title={t('talk.title')} path={{ pathname }}>
      <p>{t('talk.intro')}</p>
      <FormErrors t={t} errors={state.errors} />
      <form method="post" action={`${pathname}?lang=${language}`} novalidate>
        <TextField
          id="title"
          label={t('form.talkTitle')}
          value={v.title}
          error={error('title')}
          maxlength={200}
        />
        <TextField
          id="organisers"
          label={t('form.organisers')}
          value={v.organisers}
          error={error('organisers')}
          maxlength={300}
        />
        <Radios
          t={t}
          name="level"
          legend={t('form.level')}
          options={TALK_LEVELS}
          labelKey={(level) => `form.level.${level}` as Parameters<Translate>[0]}
          value={v.level}
          error={error('level')}
        />
        <Field id="themes" label={t('form.themes')} hint={t('form.themesHint')} error={error('themes')}>
          {(described) => (
            <textarea id="themes" name="themes" rows={5} maxlength={2000} required {...described}>
              {v.themes ?? ''}
            </textarea>
          )}
        </Field>
        <ObjectivesField
          t={t}
          legend={t('form.talkObjectives')}
          chosen={v.objectives}
          error={error('objectives')}
        />
        <TextField
          id="proposedDate"
          label={t('form.proposedDate')}
          hint={t('form.dateHint')}
          value={v.proposedDate}
          error={error('proposedDate')}
          maxlength={100}
        />
        <Radios
          t={t}
          name="format"
          legend={t('form.format')}
          options={TALK_FORMATS}
          labelKey={(format) => `form.format.${format}` as Parameters<Translate>[0]}
          value={v.format}
          error={error('format')}
        />
        <LanguagesField
          name="interpretationLanguages"
          legend={t('form.interpretation')}
          chosen={v.interpretationLanguages}
          error={error('interpretationLanguages')}
        />
        <TextField
          id="audience"
          label={t('form.audience')}
          hint={t('form.audienceHint')}
          value={v.audience}
          error={error('audience')}
          maxlength={300}
        />
        <Requester
          t={t}
          language={language}
          kind="gcm-talk"
          values={v}
          challenge={state.challenge}
          error={error}
        />
      </form>
    </Layout>,
  );
}

/** The request's emailed link opens this page: its button sends the request on. */
export function requestConfirmPage(language: Language, request: StakeholderRequest, token: string): string {
  const t = translator(language);
  return renderPage(
    <Layout
      language={language}
      title={t('request.confirm.title')}
      path={{ pathname: '/requests/confirm', query: { token } }}
    >
      <p>{t('request.confirm.body', requestValues(t, request))}</p>
      <form method="post" action={`/requests/confirm?lang=${language}`}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">{t('request.confirm.button')}</button>
      </form>
    </Layout>,
  );
}

/** "GCM Talk proposal", and its title, for the sentences about a request. */
export const requestValues = (
  t: Translate,
  request: { kind: RequestKind; title?: string; topic?: string },
) => ({ kind: t(`request.kind.${request.kind}`), title: requestTitle(request) });
