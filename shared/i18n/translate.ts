import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import type en from './catalogs/en.json';
import type { Language } from './languages';

/**
 * The words of every page and email, one ICU MessageFormat catalog per language (`catalogs/<language>.json`).
 * English is the reference: a test fails when another catalog lacks one of its keys or has one more.
 */
export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
export type Values = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: Values) => string;

/**
 * The catalogs are data beside the code rather than in it: compiled into a function's bundle, the six of them were
 * a third of what Node compiled at every cold start, for the one or two languages an invocation uses. Beside this
 * module in the source tree, and beside a function's one-file bundle, where its bundling copies them
 * (`BUNDLING.commandHooks` in `infra/service-function.ts`).
 */
const CATALOG_FOLDER = new URL('./catalogs/', import.meta.url);

const catalogs = new Map<Language, Catalog>();

/** A language's catalog, read the first time it is needed. */
export function catalog(language: Language): Catalog {
  let loaded = catalogs.get(language);
  if (!loaded) {
    loaded = JSON.parse(readFileSync(new URL(`${language}.json`, CATALOG_FOLDER), 'utf8')) as Catalog;
    catalogs.set(language, loaded);
  }
  return loaded;
}

const compiled = new Map<string, IntlMessageFormat>();

export function translator(language: Language): Translate {
  return (key, values) => {
    const cacheKey = `${language}:${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      const message = catalog(language)[key];
      if (message === undefined) throw new Error(`Message ${key} is missing in the ${language} catalog`);
      format = new IntlMessageFormat(message, language);
      compiled.set(cacheKey, format);
    }
    return String(format.format(values));
  };
}
