import { sesClient } from '../aws/ses-client';
import { optionalSetting, setting } from '../config';
import type { Contact } from '../domain/contacts';
import type { MessageContent, Unsubscribe } from '../domain/messages';
import {
  INVITATION_TOKEN_TTL_SECONDS,
  issueToken,
  MANAGE_TOKEN_TTL_SECONDS,
  UNSUBSCRIBE_TOKEN_TTL_SECONDS,
} from '../domain/tokens';
import { composeRawEmail } from '../mail/compose';
import { renderMessage } from '../mail/render-message';
import { sendRawEmail } from '../mail/ses-sender';
import { epochSeconds } from '../store/keys';
import { isSuppressed } from '../store/suppressions';

const SENDER_NAME = 'UN Network on Migration';

/** Sends one message to one person through SES; answers the SES message id. */
export async function sendMessage(
  to: { email: string; name?: string },
  content: MessageContent,
): Promise<string> {
  const from = setting('mailFrom');
  const raw = await composeRawEmail({
    from: { address: from, name: SENDER_NAME },
    to: { address: to.email, name: to.name },
    ...renderMessage(content),
  });
  return sendRawEmail(sesClient(), {
    raw,
    from,
    to: to.email,
    configurationSet: optionalSetting('sesConfigurationSet'),
  });
}

/**
 * Sends a message outside any round (the registration's own emails), unless the address is suppressed: after a
 * hard bounce or a complaint nothing more goes to it. Answers the SES message id, or undefined when not sent.
 */
export async function notify(
  to: { email: string; name?: string },
  content: MessageContent,
): Promise<string | undefined> {
  if (await isSuppressed(to.email)) {
    console.log(
      JSON.stringify({
        level: 'info',
        message: 'not sent to a suppressed address',
        subject: content.subject,
      }),
    );
    return undefined;
  }
  return sendMessage(to, content);
}

/** Links in emails point at the public API, wherever it is deployed. */
export function publicUrl(path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, `${setting('publicBaseUrl').replace(/\/+$/, '')}/`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

/** The signed links that emails carry. */
export interface Links {
  manage(registrant: { reviewId: string; email: string }): string;
  register(reviewId: string): string;
  /** A personal link that opens the form filled in with the invited contact's details. */
  invitation(reviewId: string, contact: Contact): string;
  /** Where to stop the review's reminders and notices: a one-click link (RFC 8058) and a mailto. */
  unsubscribe(reviewId: string, email: string): Unsubscribe;
}

export function linksFor(now: Date, tokenKey: string): Links {
  return {
    manage: ({ reviewId, email }) =>
      publicUrl('manage', {
        token: issueToken(
          {
            purpose: 'manage-registration',
            reviewId,
            email,
            exp: epochSeconds(now) + MANAGE_TOKEN_TTL_SECONDS,
          },
          tokenKey,
        ),
      }),
    register: (reviewId) => publicUrl(`register/${reviewId}`),
    unsubscribe: (reviewId, email) => ({
      url: publicUrl('unsubscribe', {
        token: issueToken(
          { purpose: 'unsubscribe', reviewId, email, exp: epochSeconds(now) + UNSUBSCRIBE_TOKEN_TTL_SECONDS },
          tokenKey,
        ),
      }),
      mailto: `mailto:${setting('mailFrom')}?subject=${encodeURIComponent(`unsubscribe ${reviewId}`)}`,
    }),
    invitation: (reviewId, contact) =>
      publicUrl(`register/${reviewId}`, {
        lang: contact.language,
        invitation: issueToken(
          {
            purpose: 'invitation',
            reviewId,
            email: contact.email,
            name: contact.name,
            organisation: contact.organisation,
            language: contact.language,
            exp: epochSeconds(now) + INVITATION_TOKEN_TTL_SECONDS,
          },
          tokenKey,
        ),
      }),
  };
}
