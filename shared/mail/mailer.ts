import type { SESClient } from '@aws-sdk/client-ses';
import type { MessageContent } from '#domain/messages';
import { composeRawEmail } from './compose';
import { renderMessage } from './render-message';
import { sendRawEmail } from './ses-sender';

const SENDER_NAME = 'UN Network on Migration';

export interface Recipient {
  email: string;
  name?: string;
}

export interface Mailer {
  /**
   * Sends one message to one person; answers the SES message id. `tags` (ASCII letters, digits, `_` and `-`, at
   * most 256 characters each) come back in every SES event about the message.
   */
  send(to: Recipient, content: MessageContent, tags?: Record<string, string>): Promise<string>;
}

/** Mail through SES `SendRawEmail`, from the service's address and through its configuration set. */
export function sesMailer(
  client: SESClient,
  options: { mailFrom: string; configurationSet?: string },
): Mailer {
  return {
    async send(to, content, tags) {
      const raw = await composeRawEmail({
        from: { address: options.mailFrom, name: SENDER_NAME },
        to: { address: to.email, name: to.name },
        ...renderMessage(content),
      });
      return sendRawEmail(client, {
        raw,
        from: options.mailFrom,
        to: to.email,
        configurationSet: options.configurationSet,
        tags,
      });
    },
  };
}
