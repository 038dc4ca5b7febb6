/** Reading the public forms: registration, contribution, briefing request and GCM Talk proposal. */
import type { FieldIssue } from '#domain/errors';
import {
  CONTRIBUTION_FIELDS,
  type ContributionField,
  type ContributionFormState,
} from '#html/contribution-pages';
import { FORM_FIELDS, type FormField, type FormState } from '#html/registration-pages';
import {
  BRIEFING_FIELDS,
  type BriefingField,
  type BriefingFormState,
  TALK_FIELDS,
  type TalkField,
  type TalkFormState,
} from '#html/request-pages';

/** A form's text fields, trimmed, empty ones as absent; whether the hidden trap field was filled, as only bots do. */
export function formReader(body: URLSearchParams) {
  const text = (name: string) => {
    const value = body.get(name)?.trim();
    return value ? value : undefined;
  };
  return {
    text,
    list: (name: string) => body.getAll(name).filter(Boolean),
    /** A ticked box sends `yes`. */
    ticked: (name: string) => (body.get(name) === 'yes' ? true : undefined),
    isBot: Boolean(text('website')),
  };
}

/** Who sends a form: the same last fields on every public form, the consent box as `true`. */
const sender = ({ text, ticked }: ReturnType<typeof formReader>) => ({
  name: text('name'),
  email: text('email'),
  language: text('language'),
  consent: ticked('consent'),
});

/** Leaves out what the form left empty, so that the input's own defaults and messages apply. */
export const definedOnly = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));

/** The fields of `fields` named by validation issues (`meetings[0]` is the `meetings` field). */
export function fieldsNamedBy<F extends string>(issues: FieldIssue[], fields: readonly F[]): F[] {
  const roots = new Set(issues.map((issue) => issue.field.split(/[.[]/)[0]));
  return fields.filter((f) => roots.has(f));
}

/** Reads the registration form's urlencoded body into the registration input (the consent box as `true`). */
export function readRegistrationForm(body: URLSearchParams, reviewId: string) {
  const { text, list, ticked, isBot } = formReader(body);
  const input = {
    reviewId,
    name: text('name'),
    email: text('email'),
    organisation: text('organisation'),
    stakeholderGroup: text('stakeholderGroup'),
    country: text('country'),
    meetings: list('meetings'),
    attendanceMode: text('attendanceMode'),
    language: text('language'),
    accessibilityNeeds: text('accessibilityNeeds'),
    consent: ticked('consent'),
  };
  const values: FormState['values'] = { ...input, consent: input.consent ? 'yes' : undefined };
  return { input: definedOnly(input), values, isBot };
}

/** The registration form's fields named by validation issues. */
export const invalidFields = (issues: FieldIssue[]): FormField[] => fieldsNamedBy(issues, FORM_FIELDS);

/** Reads the contribution form's urlencoded body into the contribution input. */
export function readContributionForm(body: URLSearchParams, reviewId: string) {
  const { text, list, ticked, isBot } = formReader(body);
  const publishable = text('publishable');
  const input = {
    reviewId,
    name: text('name'),
    email: text('email'),
    organisation: text('organisation'),
    stakeholderGroup: text('stakeholderGroup'),
    language: text('language'),
    title: text('title'),
    text: text('text'),
    link: text('link'),
    objectives: list('objectives').map(Number),
    publishable: publishable === undefined ? undefined : publishable === 'yes',
    consent: ticked('consent'),
  };
  const values: ContributionFormState['values'] = {
    ...input,
    objectives: list('objectives'),
    publishable,
    consent: input.consent ? 'yes' : undefined,
  };
  return { input: definedOnly(input), values, isBot };
}

export const invalidContributionFields = (issues: FieldIssue[]): ContributionField[] =>
  fieldsNamedBy(issues, CONTRIBUTION_FIELDS);

/** A number field: absent when empty, else the number typed (a word stays as typed, for its error to name it). */
const numberOf = (text: string | undefined) =>
  text === undefined ? undefined : Number.isNaN(Number(text)) ? text : Number(text);

/** Reads the briefing request form into the request input. */
export function readBriefingForm(body: URLSearchParams) {
  const form = formReader(body);
  const { text, list, isBot } = form;
  const input = {
    kind: 'briefing',
    network: text('network'),
    scope: text('scope'),
    regions: list('regions'),
    topic: text('topic'),
    preferredDates: text('preferredDates'),
    languages: list('languages'),
    expectedParticipants: numberOf(text('expectedParticipants')),
    ...sender(form),
  };
  const values: BriefingFormState['values'] = {
    ...input,
    expectedParticipants: text('expectedParticipants'),
    consent: input.consent ? 'yes' : undefined,
  };
  return { input: definedOnly(input), values, isBot };
}

export const invalidBriefingFields = (issues: FieldIssue[]): BriefingField[] =>
  fieldsNamedBy(issues, BRIEFING_FIELDS);

/** Reads the GCM Talk proposal form into the request input. */
export function readTalkForm(body: URLSearchParams) {
  const form = formReader(body);
  const { text, list, isBot } = form;
  const input = {
    kind: 'gcm-talk',
    title: text('title'),
    organisers: text('organisers'),
    level: text('level'),
    themes: text('themes'),
    objectives: list('objectives').map(Number),
    proposedDate: text('proposedDate'),
    format: text('format'),
    interpretationLanguages: list('interpretationLanguages'),
    audience: text('audience'),
    ...sender(form),
  };
  const values: TalkFormState['values'] = {
    ...input,
    objectives: list('objectives'),
    consent: input.consent ? 'yes' : undefined,
  };
  return { input: definedOnly(input), values, isBot };
}

export const invalidTalkFields = (issues: FieldIssue[]): TalkField[] => fieldsNamedBy(issues, TALK_FIELDS);
