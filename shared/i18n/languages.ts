import Negotiator from 'negotiator';
import * as z from 'zod';

/** The six UN languages: of the pages, of the emails, and of interpretation. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const isLanguage = (value: unknown): value is Language => Language.safeParse(value).success;

/** The locale dates and numbers are written in: the UN writes English the British way ("29 March 2027"). */
export const localeOf = (language: Language): string => (language === 'en' ? 'en-GB' : language);

/** Arabic is written right to left; the other UN languages left to right. */
export const directionOf = (language: Language): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr');

/**
 * Once per language and kind: building an Intl formatter costs far more than using one, and a round words thousands
 * of emails alike.
 */
function perLanguage<T>(build: (language: Language) => T): (language: Language) => T {
  const built = new Map<Language, T>();
  return (language) => {
    let value = built.get(language);
    if (value === undefined) {
      value = build(language);
      built.set(language, value);
    }
    return value;
  };
}

/** Each language's name in itself ("العربية", "中文", "Français"…), for the language switcher. */
export const nativeName = perLanguage(
  (language) => new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language,
);

/**
 * The language of a page: the one asked for (`?lang=`), else the registrant's own choice, else the browser's
 * `Accept-Language`, else English.
 */
export function pageLanguage(options: {
  requested?: string | null;
  registrant?: Language;
  acceptLanguage?: string;
}): Language {
  if (isLanguage(options.requested)) return options.requested;
  if (options.registrant) return options.registrant;
  // The browser's languages by preference; "*" (what non-browser clients send) chooses nothing.
  const preferred = new Negotiator({ headers: { 'accept-language': options.acceptLanguage ?? '' } })
    .languages()
    .map((tag) => tag.toLowerCase().split('-')[0])
    .find(isLanguage);
  return preferred ?? 'en';
}

/** A country's name in the reader's language, from its ISO 3166 code (the platform's data: none shipped). */
export const countryName = (code: string, language: Language): string =>
  regionNames(language).of(code) ?? code;

/** The platform's names of countries and regions in the reader's language. */
export const regionNames = perLanguage((language) => new Intl.DisplayNames([language], { type: 'region' }));

/** "a, b and c" in the reader's language (in English the British way, without the comma before "and"). */
export const conjunction = perLanguage(
  (language) => new Intl.ListFormat(localeOf(language), { type: 'conjunction' }),
);
