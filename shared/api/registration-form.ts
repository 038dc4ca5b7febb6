import type { FieldIssue } from '#domain/errors';
import { FORM_FIELDS, type FormField, type FormState } from '#html/registration-pages';

/**
 * Reads the registration form's urlencoded body into the registration input (empty fields left out, the
 * consent box as `true`), and tells whether the hidden trap field was filled, which only bots do.
 */
export function readRegistrationForm(body: URLSearchParams, reviewId: string) {
  const text = (name: string) => {
    const value = body.get(name)?.trim();
    return value ? value : undefined;
  };
  const meetings = body.getAll('meetings').filter(Boolean);
  const input = {
    reviewId,
    name: text('name'),
    email: text('email'),
    organisation: text('organisation'),
    stakeholderGroup: text('stakeholderGroup'),
    country: text('country'),
    meetings: meetings.length > 0 ? meetings : [],
    attendanceMode: text('attendanceMode'),
    language: text('language'),
    accessibilityNeeds: text('accessibilityNeeds'),
    consent: body.get('consent') === 'yes' ? true : undefined,
  };
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const values: FormState['values'] = { ...input, consent: input.consent ? 'yes' : undefined };
  return { input: defined, values, isBot: Boolean(text('website')) };
}

/** The form fields named by validation issues (`meetings[0]` is the `meetings` field). */
export function invalidFields(issues: FieldIssue[]): FormField[] {
  const roots = new Set(issues.map((issue) => issue.field.split(/[.[]/)[0]));
  return FORM_FIELDS.filter((f) => roots.has(f));
}
