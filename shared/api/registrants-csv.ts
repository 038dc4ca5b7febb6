import { stringify } from 'csv-stringify/sync';
import type { Registrant } from '#domain/registrant';
import { countryName, type Language, nativeName } from '#i18n/languages';
import { type MessageKey, translator } from '#i18n/translate';

/**
 * A review's registrants as the console lists them (its filters applied), as a spreadsheet in the console's
 * language: headings and values (groups, attendance, status, countries, languages) in words, with a UTF-8 byte
 * order mark, so that spreadsheet programs read Arabic and Chinese as such. Formula-looking cells are quoted with
 * a leading apostrophe: names come from the public form, and a spreadsheet must not run them.
 */
export function registrantsCsv(
  registrants: Omit<Registrant, 'confirmNonce' | 'expiresAt'>[],
  language: Language,
) {
  const t = translator(language);
  const safe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
  const columns: [string, (r: (typeof registrants)[number]) => string][] = [
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
  const rows = registrants.map((r) => columns.map(([, value]) => safe(value(r))));
  return `\uFEFF${stringify([columns.map(([heading]) => heading), ...rows])}`;
}
