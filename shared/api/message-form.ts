import { LANGUAGES } from '#i18n/languages';

const FILTER_FIELDS = ['meeting', 'attendance', 'language', 'group', 'country', 'q'];

/** The console's message form as the fields were typed: what a preview or a refusal gives back. */
export const messageFormValues = (form: URLSearchParams): Record<string, string> =>
  Object.fromEntries([...form].filter(([name]) => name !== 'csrf' && name !== 'intent'));

/**
 * The console's message form as the JSON `POST /admin/reviews/{reviewId}/messages` takes: filters left empty say
 * nothing, a language is written when its subject or text is, and a message written in one language only goes out
 * in that one whatever default was chosen.
 */
export function messageOfForm(form: URLSearchParams) {
  const field = (name: string) => (form.get(name) ?? '').trim();
  const filter = Object.fromEntries(
    FILTER_FIELDS.map((name) => [name, field(name)]).filter(([, value]) => value !== ''),
  );
  const written = LANGUAGES.filter((l) => field(`subject-${l}`) !== '' || field(`body-${l}`) !== '');
  const texts = Object.fromEntries(
    written.map((l) => [l, { subject: field(`subject-${l}`), body: field(`body-${l}`) }]),
  );
  const defaultLanguage = written.length === 1 ? written[0] : field('defaultLanguage');
  return { filter, texts, defaultLanguage };
}
