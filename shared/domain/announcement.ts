import { z } from 'zod';
import { Language } from '#i18n/languages';

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
    } & MeetingOutcome);

export const PAPER_ANNOUNCEMENT_ID = 'paper';
/** Part of a Scheduler job's name: `outcome-` and a meeting id of at most 10 characters. */
export const outcomeAnnouncementId = (meetingId: string) => `outcome-${meetingId}`;
