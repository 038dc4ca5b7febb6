import { stringify } from 'csv-stringify/sync';
import type { Contribution } from '#domain/contribution';

const COLUMNS = [
  'contributionId',
  'createdAt',
  'name',
  'email',
  'organisation',
  'stakeholderGroup',
  'language',
  'title',
  'objectives',
  'publishable',
  'link',
  'text',
] as const;

/**
 * Accepted contributions as a spreadsheet: a header row, then one row each; objectives as "1 5 23". A UTF-8 byte
 * order mark first, so that spreadsheet programs read Arabic and Chinese text as such.
 */
export function contributionsCsv(contributions: Contribution[]): string {
  const rows = contributions.map((c) => ({
    ...c,
    objectives: c.objectives.join(' '),
    publishable: c.publishable ? 'yes' : 'no',
  }));
  return `\uFEFF${stringify(rows, { header: true, columns: [...COLUMNS] })}`;
}
