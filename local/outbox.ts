import { simpleParser } from 'mailparser';
import addressparser from 'nodemailer/lib/addressparser';
import { RAW_MESSAGES_PATH } from './ses';

export interface OutboxAttachment {
  /** Absent for a calendar invite's `text/calendar` body part. */
  filename?: string;
  /** Without parameters, as mailparser reports it. */
  contentType: string;
  size: number;
  /** `utf8` for text (an invite's iCalendar data included), `base64` for anything else. */
  encoding: 'utf8' | 'base64';
  content: string;
}

export interface OutboxEmail {
  /** The SES MessageId that `SendRawEmail` returned. */
  messageId: string;
  /** ISO-8601, to the second. */
  at: string;
  /** As written in the message, display name included. */
  from: string;
  /** Bare addresses. */
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text?: string;
  html?: string;
  /** Lower-case names; every field except the addresses, subject, date and MIME structure, e.g. `list-unsubscribe`. */
  headers: Record<string, string>;
  attachments: OutboxAttachment[];
}

export interface OutboxFilter {
  /** Only messages with this address in To, Cc or Bcc (case-insensitive). */
  to?: string;
}

/** What aws-ses-v2-local's `GET /store` answers for each message: already parsed, `at` in epoch seconds. */
interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  /** `content` is base64. */
  attachments: { filename?: string; contentType: string; size: number; content: string }[];
  /** Only SES v2 `SendEmail` keeps header fields. */
  headers?: { name: string; value: string }[];
  at: number;
}

const FIELDS_SHOWN_ELSEWHERE = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'date',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

/** Every message the local SES received, oldest first. */
export async function readOutbox(endpoint: string, filter: OutboxFilter = {}): Promise<OutboxEmail[]> {
  const [store, rawMessages] = await Promise.all([
    getJson<{ emails: StoredEmail[] }>(`${endpoint}/store`),
    getJson<Record<string, string>>(`${endpoint}${RAW_MESSAGES_PATH}`),
  ]);
  const emails = await Promise.all(
    store.emails.map((stored) => toOutboxEmail(stored, rawMessages[stored.messageId])),
  );
  const recipient = filter.to?.toLowerCase();
  return recipient ? emails.filter((email) => recipientsOf(email).includes(recipient)) : emails;
}

export async function clearOutbox(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
  if (!response.ok) throw new Error(`Clearing the local SES store failed: HTTP ${response.status}`);
}

async function toOutboxEmail(stored: StoredEmail, raw: string | undefined): Promise<OutboxEmail> {
  return {
    messageId: stored.messageId,
    at: new Date(stored.at * 1000).toISOString(),
    from: stored.from,
    to: bareAddresses(stored.destination.to),
    cc: bareAddresses(stored.destination.cc),
    bcc: bareAddresses(stored.destination.bcc),
    subject: stored.subject,
    text: stored.body.text,
    html: stored.body.html,
    headers: raw === undefined ? storedHeaders(stored) : await rawHeaders(raw),
    attachments: stored.attachments.map(toOutboxAttachment),
  };
}

/** The emulator keeps each address header as one display string, e.g. `"Name" <a@example.org>, b@example.org`. */
function bareAddresses(fields: string[]): string[] {
  return fields.flatMap((field) => addressparser(field, { flatten: true }).map(({ address }) => address));
}

function storedHeaders(stored: StoredEmail): Record<string, string> {
  return Object.fromEntries((stored.headers ?? []).map(({ name, value }) => [name.toLowerCase(), value]));
}

/** Values as on the wire, unfolded; RFC 2047 encoded words are left as they are. */
async function rawHeaders(raw: string): Promise<Record<string, string>> {
  const { headerLines } = await simpleParser(Buffer.from(raw, 'base64'));
  return Object.fromEntries(
    headerLines
      .filter(({ key }) => !FIELDS_SHOWN_ELSEWHERE.has(key))
      .map(({ key, line }) => [
        key,
        line
          .slice(line.indexOf(':') + 1)
          .replace(/\r?\n[ \t]+/g, ' ')
          .trim(),
      ]),
  );
}

function toOutboxAttachment(attachment: StoredEmail['attachments'][number]): OutboxAttachment {
  const isText = /^(text\/|application\/ics\b)/i.test(attachment.contentType);
  return {
    filename: attachment.filename,
    contentType: attachment.contentType,
    size: attachment.size,
    encoding: isText ? 'utf8' : 'base64',
    content: isText ? Buffer.from(attachment.content, 'base64').toString('utf8') : attachment.content,
  };
}

function recipientsOf(email: OutboxEmail): string[] {
  return [...email.to, ...email.cc, ...email.bcc].map((address) => address.toLowerCase());
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} failed: HTTP ${response.status}`);
  return (await response.json()) as T;
}
