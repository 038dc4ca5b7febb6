import type { Language } from '#i18n/languages';
import { translator } from '#i18n/translate';
import type { Delivery } from '#store/deliveries';
import { csvOf, type Sheet } from './spreadsheet';

/**
 * A round's delivery report as a sheet, headings and statuses in the reader's language: a row per recipient
 * with its status, the SES message id, when it was sent, when SES last told of it, and what it told (the bounce
 * or complaint) or why sending failed. Times are UTC, as SES and the store give them.
 */
export function deliveriesSheet(deliveries: Delivery[], language: Language): Sheet {
  const t = translator(language);
  return {
    name: t('console.messages'),
    headings: [
      t('console.column.recipient'),
      t('console.column.status'),
      t('console.column.messageId'),
      t('console.column.sentAt'),
      t('console.column.event'),
      t('console.column.detail'),
    ],
    rows: deliveries.map((d) => [
      d.recipient,
      t(`console.delivery.${d.status}`),
      d.messageId ?? '',
      d.sentAt ?? '',
      d.eventAt ?? '',
      d.eventDetail ?? d.error ?? '',
    ]),
    language,
  };
}

/** The delivery report as CSV, for a link of the console's as much as for the admin API. */
export const deliveriesCsv = (deliveries: Delivery[], language: Language): string =>
  csvOf(deliveriesSheet(deliveries, language));
