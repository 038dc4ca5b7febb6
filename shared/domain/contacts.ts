import { parse } from 'csv-parse/sync';
import * as z from 'zod';
import { Language } from '#i18n/languages';
import { issuesFromZod, ValidationError } from './errors';
import { normalizeEmail, oneLineText } from './text';

/** A contact the secretariat invites to register: one row of its CSV file. */
export const Contact = z.object({
  email: z.email({ error: 'not an email address' }).max(254),
  name: oneLineText(120, 'the name is empty'),
  // An empty cell is no organisation.
  organisation: z.preprocess(
    (text) => (typeof text === 'string' && text.trim() === '' ? undefined : text),
    oneLineText(200).optional(),
  ),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((text) => text || 'en')
    .pipe(Language),
});
export type Contact = z.infer<typeof Contact>;

/** A valid row of the file: its line, and the contact it names. */
export interface ContactRow {
  line: number;
  contact: Contact;
}

export interface ContactList {
  contacts: ContactRow[];
  invalid: { line: number; reason: string }[];
  duplicates: { line: number; email: string; firstLine: number }[];
}

export const CONTACT_COLUMNS = ['email', 'name', 'organisation', 'language'] as const;

/**
 * Reads the secretariat's contact list: a CSV file with a header row naming its columns (`email`, `name`, and
 * optionally `organisation` and `language`; any order, any case, other columns ignored). Each row is checked on
 * its own: a bad row is reported with its line and reason, never the whole file refused, unless the file itself
 * cannot be read.
 */
export function readContactList(csv: string): ContactList {
  let rows: { record: Record<string, string>; info: { lines: number; error?: { message: string } } }[];
  try {
    rows = parse(csv, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: true,
      info: true,
    });
  } catch (error) {
    throw new ValidationError([
      { field: 'body', message: `the CSV file cannot be read: ${(error as Error).message}` },
    ]);
  }
  const header = Object.keys(rows[0]?.record ?? {});
  if (rows.length > 0 && !['email', 'name'].every((column) => header.includes(column)))
    throw new ValidationError([
      {
        field: 'body',
        message: `the header row must name the columns ${CONTACT_COLUMNS.join(', ')} (email and name at least)`,
      },
    ]);

  const list: ContactList = { contacts: [], invalid: [], duplicates: [] };
  const seen = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const parsed = Contact.safeParse(record);
    if (!parsed.success) {
      const reason = issuesFromZod(parsed.error)
        .map((issue) => `${issue.field}: ${issue.message}`)
        .join('; ');
      list.invalid.push({ line, reason });
      continue;
    }
    const key = normalizeEmail(parsed.data.email);
    const firstLine = seen.get(key);
    if (firstLine !== undefined) list.duplicates.push({ line, email: parsed.data.email, firstLine });
    else {
      seen.set(key, line);
      list.contacts.push({ line, contact: parsed.data });
    }
  }
  return list;
}

/** A row of an upload that invites no one, with its line and why. */
export interface SkippedRow {
  line: number;
  email: string;
  reason: string;
}

/**
 * An upload lists this many of its rows refused and of those skipped, and counts them all: a file of 20,000 rows
 * sent twice would otherwise list 20,000 lines no one reads, past what one record of the table holds.
 */
export const LISTED_ROWS = 1000;

/**
 * Sorts rows of an upload against the review as it stands: a row whose address registered for the review (any
 * status) or was invited by another upload is skipped; the rest are this upload's to invite. An address that this
 * upload itself recorded is its own still: the background step went through those rows before, and stopped.
 */
export function checkRows(
  rows: readonly ContactRow[],
  registered: ReadonlySet<string>,
  invitedBy: ReadonlyMap<string, string>,
  importId: string,
): { invite: Contact[]; skipped: SkippedRow[] } {
  const invite: Contact[] = [];
  const skipped: SkippedRow[] = [];
  for (const { line, contact } of rows) {
    const address = normalizeEmail(contact.email);
    const invitedWith = invitedBy.get(address);
    if (registered.has(address)) skipped.push({ line, email: contact.email, reason: 'already registered' });
    else if (invitedWith !== undefined && invitedWith !== importId)
      skipped.push({ line, email: contact.email, reason: 'already invited' });
    else invite.push(contact);
  }
  return { invite, skipped };
}
