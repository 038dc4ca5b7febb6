import { randomBytes } from 'node:crypto';
import { messageAnnouncementId, messageTextFor, OneOffMessage } from '#domain/announcement';
import { parseOrThrow } from '#domain/errors';
import type { MessageContent } from '#domain/messages';
import { oneOffNoticeMessage } from '#domain/notices';
import type { Registrant } from '#domain/registrant';
import type { Language } from '#i18n/languages';
import { activeReview, messageRecipients, publish } from './announcements';
import type { Needs } from './dependencies';
import type { Links } from './links';

/** One language a message will go out in: how many get it, and the email the first of them will read. */
export interface MessagePreviewLanguage {
  language: Language;
  recipients: number;
  /** Readers whose own language has no text and who get this one. */
  fallbackRecipients: number;
  email: MessageContent;
}

export interface MessagePreview {
  message: OneOffMessage;
  recipients: number;
  languages: MessagePreviewLanguage[];
}

/**
 * What a one-off message would do, without sending: how many registrants it reaches, and the email as it goes out
 * in each language it will go out in, rendered for a real reader of that language.
 */
export async function previewMessage(
  deps: Needs<'store'>,
  reviewId: string | undefined,
  body: unknown,
  links: Links,
): Promise<MessagePreview> {
  const message = parseOrThrow(OneOffMessage, body);
  const review = await activeReview(deps, reviewId);
  const byLanguage = new Map<Language, { first: Registrant; recipients: number; fallback: number }>();
  for await (const page of messageRecipients(
    deps.store.registrants.confirmedPages(review.reviewId),
    message.filter,
  ))
    for (const registrant of page.items) {
      const { language } = messageTextFor(message, registrant.language);
      const entry = byLanguage.get(language) ?? { first: registrant, recipients: 0, fallback: 0 };
      entry.recipients++;
      if (language !== registrant.language) entry.fallback++;
      byLanguage.set(language, entry);
    }
  const languages = [...byLanguage].map(([language, { first, recipients, fallback }]) => ({
    language,
    recipients,
    fallbackRecipients: fallback,
    email: oneOffNoticeMessage(review, message, first, {
      manageUrl: links.manage(first),
      unsubscribe: links.unsubscribe(review.reviewId, first.email),
    }),
  }));
  return {
    message,
    recipients: languages.reduce((sum, entry) => sum + entry.recipients, 0),
    languages: languages.sort((a, b) => b.recipients - a.recipients),
  };
}

/**
 * Sends a one-off message: recorded first, then a round tells its readers once, through the same exactly-once
 * pipeline as every other email (a retry, a second firing or the hourly reconcile sends nothing twice).
 */
export async function sendMessage(
  deps: Needs<'store' | 'scheduler'>,
  reviewId: string | undefined,
  body: unknown,
  now: Date,
) {
  const message = parseOrThrow(OneOffMessage, body);
  const review = await activeReview(deps, reviewId);
  const id = messageAnnouncementId(now, randomBytes(4).toString('hex'));
  await publish(deps, review, { id, kind: 'message', publishedAt: now.toISOString(), ...message }, now);
  return { messageId: id, round: { reviewId: review.reviewId, milestoneId: `announce.${id}`, at: 'once' } };
}
