import * as z from 'zod';
import { Language } from '#i18n/languages';
import { RegistrantFilter } from './registrant-filter';
import { multiLineText, oneLineText } from './text';

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });

/** The analytical paper, published: its links in each language it exists in. */
export const PaperPublication = z
  .object({
    links: z
      .partialRecord(Language, httpsUrl)
      .refine((links) => Object.keys(links).length > 0, 'give the paper in one language at least'),
  })
  .strict();
export type PaperPublication = z.infer<typeof PaperPublication>;

/** After a meeting: its summary report, its recording, or both. */
export const MeetingOutcome = z
  .object({ summaryUrl: httpsUrl.optional(), recordingUrl: httpsUrl.optional() })
  .strict()
  .refine((outcome) => outcome.summaryUrl || outcome.recordingUrl, {
    path: ['summaryUrl'],
    message: 'give the summary report, the recording, or both',
  });
export type MeetingOutcome = z.infer<typeof MeetingOutcome>;

/** A one-off message's words in one language. */
export const MessageText = z
  .object({
    subject: oneLineText(200, 'write a subject'),
    body: multiLineText(10_000).refine((body) => body.length > 0, 'write the message'),
  })
  .strict();
export type MessageText = z.infer<typeof MessageText>;

/**
 * A message the secretariat writes to a review's registrants (those the filter lets through; confirmed ones who did
 * not unsubscribe from notices), in one language or several: each reader gets their own language's text when it is
 * written, `defaultLanguage`'s otherwise.
 */
export const OneOffMessage = z
  .object({
    filter: RegistrantFilter.omit({ status: true }).strict().default({}),
    texts: z
      .partialRecord(Language, MessageText)
      .refine((texts) => Object.keys(texts).length > 0, 'write the message in one language at least'),
    defaultLanguage: Language,
  })
  .strict()
  .refine((message) => message.texts[message.defaultLanguage], {
    path: ['defaultLanguage'],
    message: 'must be a language the message is written in',
  });
export type OneOffMessage = z.infer<typeof OneOffMessage>;

/** The text a reader of a one-off message gets, and in which language. */
export function messageTextFor(
  message: OneOffMessage,
  language: Language,
): { language: Language } & MessageText {
  const own = message.texts[language];
  if (own) return { language, ...own };
  return { language: message.defaultLanguage, ...(message.texts[message.defaultLanguage] as MessageText) };
}

/**
 * What the secretariat published about a review, and whether its readers were told: the region's registrants of
 * the paper, a meeting's participants of its outcome.
 */
export type Announcement =
  | ({ id: 'paper'; kind: 'analytical-paper'; publishedAt: string; told: boolean } & PaperPublication)
  | ({
      id: string;
      kind: 'meeting-outcome';
      meetingId: string;
      publishedAt: string;
      told: boolean;
    } & MeetingOutcome)
  | ({ id: string; kind: 'message'; publishedAt: string; told: boolean } & OneOffMessage);

export const PAPER_ANNOUNCEMENT_ID = 'paper';
/** Part of a Scheduler job's name: `outcome-` and a meeting id of at most 10 characters. */
export const outcomeAnnouncementId = (meetingId: string) => `outcome-${meetingId}`;

/** Part of a Scheduler job's name: `message-` and 10 characters that sort by time. */
export const messageAnnouncementId = (now: Date, random: string) =>
  `message-${now.getTime().toString(36).padStart(9, '0')}${random.slice(0, 1)}`;
