import type { Registrant } from '#domain/registrant';
import { countryName, type Language, nativeName } from '#i18n/languages';
import { type MessageKey, translator } from '#i18n/translate';
import type { Sheet } from './spreadsheet';

/** A registration as listed, without its link's secrets. */
export type ListedRegistrant = Omit<Registrant, 'confirmNonce' | 'expiresAt'>;

/**
 * A review's registrants as the console lists them (its filters applied), as a sheet in the console's language:
 * headings and values (groups, attendance, status, countries, languages) in words.
 */
export function registrantsSheet(registrants: ListedRegistrant[], language: Language): Sheet {
  const t = translator(language);
  const columns: [string, (r: ListedRegistrant) => string][] = [
    [t('form.name'), (r) => r.name],
    [t('form.email'), (r) => r.email],
    [t('form.organisation'), (r) => r.organisation ?? ''],
    [t('form.stakeholderGroup'), (r) => (r.stakeholderGroup ? t(`group.${r.stakeholderGroup}`) : '')],
    [t('form.country'), (r) => (r.country ? countryName(r.country, language) : '')],
    [t('console.column.language'), (r) => nativeName(r.language)],
    [t('console.column.attendance'), (r) => t(`attendance.${r.attendanceMode}`)],
    [t('console.column.meeting'), (r) => (r.meetings ?? []).join(' ')],
    [t('console.column.status'), (r) => t(`console.registrant.${r.status}` as MessageKey)],
    [t('console.seat'), (r) => (r.seat ? t(`console.seat.${r.seat}`) : '')],
    [t('form.accessibility'), (r) => r.accessibilityNeeds ?? ''],
    [t('console.column.registered'), (r) => r.createdAt],
  ];
  return {
    name: t('console.registrants'),
    headings: columns.map(([heading]) => heading),
    rows: registrants.map((r) => columns.map(([, value]) => value(r))),
    language,
  };
}

/**
 * A registrant listing's query: how it is asked for (a file `format` and its `part`), and the rest, its filter;
 * the page's language and paging are neither.
 */
export function registrantListingQuery(query: Record<string, string | undefined> | undefined) {
  const { format, lang: _lang, part, cursor: _cursor, limit: _limit, ...filter } = query ?? {};
  return { format, part, filter };
}
