import type { Challenge } from 'altcha-lib';
import { GCM_OBJECTIVES } from '#domain/contribution';
import { STAKEHOLDER_GROUPS } from '#domain/registrant';
import { LANGUAGES, type Language, nativeName } from '#i18n/languages';
import type { MessageKey, Translate } from '#i18n/translate';
import { Choice, Choices, ErrorSummary, Field } from './components';

/**
 * What a form shows again after a refusal: the values as sent, the fields found invalid, and the proof of work to
 * solve when its network has sent many forms in the hour.
 */
export interface FormState<V> {
  values: Partial<V>;
  errors: (keyof V & string)[];
  challenge?: Challenge;
}

interface FieldProps {
  t: Translate;
  value: string | undefined;
  error: string | undefined;
}

/** The error message of each field the form found invalid, from the catalog's `error.<field>`. */
export const errorsOf =
  <F extends string>(t: Translate, errors: F[]) =>
  (name: F): string | undefined =>
    errors.includes(name) ? t(`error.${name}` as MessageKey) : undefined;

/** The summary of a refused form's problems, each linked to its field. */
export function FormErrors({ t, errors }: { t: Translate; errors: string[] }) {
  const messages = errors.map((id) => ({ id, message: t(`error.${id}` as MessageKey) }));
  return <ErrorSummary intro={t('form.fixErrors')} errors={messages} />;
}

/** The fields every stakeholder form asks: who they are, their organisation and their stakeholder group. */
export function NameField({ t, value, error }: FieldProps) {
  return (
    <Field id="name" label={t('form.name')} error={error}>
      {(described) => (
        <input
          type="text"
          id="name"
          name="name"
          autocomplete="name"
          required
          maxlength={120}
          value={value}
          {...described}
        />
      )}
    </Field>
  );
}

/** The address the form's confirmation link goes to; `hint` says what the link confirms. */
export function EmailField({ t, value, error, hint }: FieldProps & { hint: string }) {
  return (
    <Field id="email" label={t('form.email')} hint={hint} error={error}>
      {(described) => (
        <input
          type="email"
          id="email"
          name="email"
          autocomplete="email"
          required
          maxlength={254}
          dir="ltr"
          value={value}
          {...described}
        />
      )}
    </Field>
  );
}

export function OrganisationField({ t, value, error }: FieldProps) {
  return (
    <Field id="organisation" label={t('form.organisation')} error={error}>
      {(described) => (
        <input
          type="text"
          id="organisation"
          name="organisation"
          autocomplete="organization"
          maxlength={200}
          value={value}
          {...described}
        />
      )}
    </Field>
  );
}

export function StakeholderGroupField({ t, value, error }: FieldProps) {
  return (
    <Field id="stakeholderGroup" label={t('form.stakeholderGroup')} error={error}>
      {(described) => (
        <select id="stakeholderGroup" name="stakeholderGroup" required {...described}>
          <option value="">{t('form.chooseOne')}</option>
          {STAKEHOLDER_GROUPS.map((g) => (
            <option value={g} selected={value === g}>
              {t(`group.${g}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The language the stakeholder reads the service's emails in. */
export function LanguageField(props: FieldProps & { label: string; value: Language | string }) {
  return (
    <Field id="language" label={props.label} error={props.error}>
      {(described) => (
        <select id="language" name="language" {...described}>
          {LANGUAGES.map((l) => (
            <option value={l} lang={l} selected={l === props.value}>
              {nativeName(l)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Consent to the processing the privacy notice describes, in the form's own words. */
export function ConsentField(props: FieldProps & { language: Language; text: string }) {
  const { t } = props;
  return (
    <Choices id="consent" legend={t('site.privacy')} error={props.error}>
      <Choice type="checkbox" id="consent" name="consent" value="yes" required checked={Boolean(props.value)}>
        {props.text} <a href={`/privacy?lang=${props.language}`}>{t('site.privacy')}</a>
      </Choice>
    </Choices>
  );
}

/** A field people never see and bots fill in: a submission that fills it is answered as usual, and dropped. */
export function TrapField({ t }: { t: Translate }) {
  return (
    <div class="trap" aria-hidden="true">
      <label for="website">{t('form.website')}</label>
      <input type="text" id="website" name="website" tabindex={-1} autocomplete="off" />
    </div>
  );
}

/** The GCM objectives a contribution or a talk addresses, numbered and named in the reader's language. */
export function ObjectivesField(props: { t: Translate; legend: string; chosen?: string[]; error?: string }) {
  const { t } = props;
  const chosen = new Set(props.chosen ?? []);
  return (
    <Choices id="objectives" legend={props.legend} error={props.error}>
      {GCM_OBJECTIVES.map((number) => (
        <Choice
          type="checkbox"
          id={number === 1 ? 'objectives' : undefined}
          name="objectives"
          value={String(number)}
          checked={chosen.has(String(number))}
        >
          {t('objective.numbered', { number, title: t(`objective.${number}` as MessageKey) })}
        </Choice>
      ))}
    </Choices>
  );
}

/** A choice among the six UN languages, several at once (interpretation), each in its own name. */
export function LanguagesField(props: { name: string; legend: string; chosen?: string[]; error?: string }) {
  const chosen = new Set(props.chosen ?? []);
  return (
    <Choices id={props.name} legend={props.legend} error={props.error}>
      {LANGUAGES.map((l, i) => (
        <Choice
          type="checkbox"
          id={i === 0 ? props.name : undefined}
          name={props.name}
          value={l}
          checked={chosen.has(l)}
        >
          <span lang={l}>{nativeName(l)}</span>
        </Choice>
      ))}
    </Choices>
  );
}

/** A one-line text field of a form. */
export function TextField(props: {
  id: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string;
  maxlength: number;
  required?: boolean;
  type?: 'text' | 'number';
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(described) => {
        const common = {
          id: props.id,
          name: props.id,
          required: props.required ?? true,
          value: props.value,
          ...described,
        };
        return props.type === 'number' ? (
          <input type="number" min={1} max={props.maxlength} {...common} />
        ) : (
          <input type="text" maxlength={props.maxlength} {...common} />
        );
      }}
    </Field>
  );
}
