import { IntlMessageFormat } from 'intl-messageformat';
import ar from './catalogs/ar.json';
import en from './catalogs/en.json';
import es from './catalogs/es.json';
import fr from './catalogs/fr.json';
import ru from './catalogs/ru.json';
import zh from './catalogs/zh.json';
import type { Language } from './languages';

/**
 * The words of every page and email, one ICU MessageFormat catalog per language (`catalogs/<language>.json`).
 * English is the reference: a test fails when another catalog lacks one of its keys or has one more.
 */
export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
export type Values = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: Values) => string;

export const CATALOGS: Record<Language, Catalog> = { ar, zh, en, fr, ru, es } as Record<Language, Catalog>;

const compiled = new Map<string, IntlMessageFormat>();

export function translator(language: Language): Translate {
  return (key, values) => {
    const cacheKey = `${language}:${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      const message = CATALOGS[language][key];
      if (message === undefined) throw new Error(`Message ${key} is missing in the ${language} catalog`);
      format = new IntlMessageFormat(message, language);
      compiled.set(cacheKey, format);
    }
    return String(format.format(values));
  };
}
