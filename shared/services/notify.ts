import type { MessageContent } from '#domain/messages';
import type { Recipient } from '#mail/mailer';
import type { Needs } from './dependencies';

/**
 * Sends a message outside any round (the registration's own emails), unless the address is suppressed: after a
 * hard bounce or a complaint nothing more goes to it. Answers the SES message id, or undefined when not sent.
 * `tags` come back in the message's SES events.
 */
export async function notify(
  deps: Needs<'store' | 'mailer' | 'log'>,
  to: Recipient,
  content: MessageContent,
  tags?: Record<string, string>,
): Promise<string | undefined> {
  if (await deps.store.suppressions.get(to.email)) {
    deps.log('not sent to a suppressed address', { subject: content.subject });
    return undefined;
  }
  return deps.mailer.send(to, content, tags);
}
