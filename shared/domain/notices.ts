import { conjunction, type Language, nativeName } from '#i18n/languages';
import { translator } from '#i18n/translate';
import {
  type MeetingOutcome,
  messageTextFor,
  type OneOffMessage,
  type PaperPublication,
} from './announcement';
import { inLanguages, type MessageContent, type Unsubscribe } from './messages';
import type { PlannedMeeting } from './plan';
import type { DiscussionSpace, FocalPoint, Review } from './review';
import { dateInWords, meetingName, meetingWhen, reviewTitle } from './wording';

/** A registrant reading one of the review's notices, with where to manage and where to stop them. */
type Registered = { name: string; language: Language };
interface NoticeLinks {
  manageUrl: string;
  unsubscribe: Unsubscribe;
}

const day = (iso: string, language: Language) =>
  dateInWords({ kind: 'exact', date: iso, tentative: false }, language);

/** The discussion space opened (`opens`), or closes in a week (`closing`): the region's registrants are told. */
export function discussionSpaceMessage(
  which: 'opens' | 'closing',
  review: Review,
  space: DiscussionSpace,
  languages: Language[],
  reader: Registered,
  links: NoticeLinks,
): MessageContent {
  const t = translator(reader.language);
  const list = conjunction(reader.language);
  const values = { review: reviewTitle(review, t), closes: day(space.closes, reader.language) };
  return {
    subject: t(which === 'opens' ? 'email.space.opens.subject' : 'email.space.closing.subject', values),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t(which === 'opens' ? 'email.space.opens.body' : 'email.space.closing.body', values),
      t('email.space.languages', { languages: list.format(languages.map((l) => nativeName(l))) }),
      ...(space.moderators.length > 0
        ? [t('email.space.moderators', { moderators: list.format(space.moderators) })]
        : []),
    ],
    link: { url: space.url, label: t('email.space.link') },
    ...links,
  };
}

/** A focal point of the region is reminded that the analytical paper is due. */
export function paperReminderMessage(review: Review, due: string, reader: FocalPoint): MessageContent {
  const t = translator(reader.language);
  const values = {
    review: reviewTitle(review, t),
    review_date: dateInWords(review.date, reader.language),
    due: day(due, reader.language),
  };
  return {
    subject: t('email.paperReminder.subject', values),
    language: reader.language,
    paragraphs: [
      reader.name ? t('email.greeting', { name: reader.name }) : t('email.greetingNoName'),
      t('email.paperReminder.body', values),
    ],
  };
}

/** The analytical paper is published: the region's registrants get its link in their language, and the others. */
export function paperPublishedMessage(
  review: Review,
  paper: PaperPublication,
  reader: Registered,
  links: NoticeLinks,
): MessageContent {
  const t = translator(reader.language);
  const { own, others } = inLanguages(paper.links, reader.language);
  const url = own ?? (Object.values(paper.links)[0] as string);
  const values = { review: reviewTitle(review, t) };
  return {
    subject: t('email.paperPublished.subject', values),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.paperPublished.body', values),
      ...others(t),
    ],
    link: { url, label: t('email.paperPublished.link') },
    ...links,
  };
}

/** After a meeting, its participants get its summary report and recording, once. */
export function meetingOutcomeMessage(
  review: Review,
  meeting: PlannedMeeting,
  outcome: MeetingOutcome,
  reader: Registered,
  links: NoticeLinks,
): MessageContent {
  const t = translator(reader.language);
  const values = {
    review: reviewTitle(review, t),
    meeting: meetingName(meeting, t),
    when: meetingWhen(meeting, reader.language),
  };
  return {
    subject: t('email.outcome.subject', values),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.outcome.body', values),
      ...(outcome.summaryUrl ? [t('email.outcome.summary', { url: outcome.summaryUrl })] : []),
      ...(outcome.recordingUrl ? [t('email.outcome.recording', { url: outcome.recordingUrl })] : []),
    ],
    link: outcome.summaryUrl
      ? { url: outcome.summaryUrl, label: t('email.outcome.link') }
      : { url: outcome.recordingUrl as string, label: t('email.outcome.recordingLink') },
    ...links,
  };
}

/**
 * A one-off message from the secretariat, in the reader's language when it was written in it: their greeting, the
 * paragraphs as written (a blank line between two), and the usual links to manage and to stop notices.
 */
export function oneOffNoticeMessage(
  review: Review,
  message: OneOffMessage,
  reader: Registered,
  links: NoticeLinks,
): MessageContent {
  const text = messageTextFor(message, reader.language);
  const t = translator(text.language);
  return {
    subject: `${text.subject} (${reviewTitle(review, t)})`,
    language: text.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      ...text.body
        .split(/\r?\n\s*\r?\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean),
    ],
    ...links,
  };
}
