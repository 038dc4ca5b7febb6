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

/** Each language's name in itself ("العربية", "中文", "Français"…), for the language switcher. */
export const nativeName = (language: Language): string =>
  new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;

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
  new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
