export interface MailAddress {
  address: string;
  /** Display name; any language, encoded by the composer. */
  name?: string;
}

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  /** Parameters are kept, e.g. `text/calendar; method=REQUEST`. */
  contentType: string;
}

/**
 * An iCalendar object sent the way calendar clients expect an invitation: as a `text/calendar; method=...`
 * alternative of the body (what Outlook and Gmail turn into an event with RSVP buttons) and as an `.ics` attachment.
 */
export interface CalendarInvite {
  /** Must match the METHOD property inside `content`. */
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  content: string;
  /** Name of the `.ics` attachment; `invite.ics` when omitted. */
  filename?: string;
}

export interface OutgoingEmail {
  from: MailAddress;
  to: MailAddress;
  subject: string;
  text: string;
  html: string;
  /** Extra header fields such as `List-Unsubscribe` and `List-Unsubscribe-Post`. */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  calendarInvite?: CalendarInvite;
  /** Message-ID without angle brackets, e.g. `reminder-42@example.org`; random on the sender's domain when omitted. */
  messageId?: string;
  /** Date header; the current time when omitted. */
  date?: Date;
}

// Loaded by the first email, not by a cold start that only shows a page; once, not on every email of a round.
let loading: Promise<typeof import('nodemailer/lib/mail-composer')> | undefined;
const mailComposer = () => {
  loading ??= import('nodemailer/lib/mail-composer');
  return loading;
};

/** Builds the RFC 5322 message for SES `SendRawEmail`: text and HTML as multipart/alternative, attachments beside. */
export async function composeRawEmail(email: OutgoingEmail): Promise<Buffer> {
  const { default: MailComposer } = await mailComposer();
  const composer = new MailComposer({
    from: withSingleLineName(email.from),
    to: withSingleLineName(email.to),
    subject: singleLine(email.subject),
    text: email.text,
    html: email.html,
    headers: email.headers && singleLineValues(email.headers),
    attachments: email.attachments,
    icalEvent: email.calendarInvite,
    messageId: email.messageId,
    date: email.date,
    // Everything is passed in memory, so any path or URL in the data must never be read.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}

/**
 * Header values cannot hold line breaks. Nodemailer already keeps them from starting a new header field, but it
 * encodes a display name's CR/LF rather than dropping it, so mail clients would still show the name on two lines.
 */
function singleLine(value: string): string {
  return value.replace(/\p{Cc}+/gu, ' ').trim();
}

function withSingleLineName({ address, name }: MailAddress): MailAddress {
  return name === undefined ? { address } : { address, name: singleLine(name) };
}

function singleLineValues(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, singleLine(value)]));
}
