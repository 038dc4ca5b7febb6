import { sesClient } from '../aws/ses-client';
import { optionalSetting, setting } from '../config';
import type { MessageContent } from '../domain/messages';
import { composeRawEmail } from '../mail/compose';
import { sendRawEmail } from '../mail/ses-sender';

const SENDER_NAME = 'UN Network on Migration';

/** Sends one message to one person through SES; answers the SES message id. */
export async function sendMessage(
  to: { address: string; name?: string },
  content: MessageContent,
): Promise<string> {
  const from = setting('mailFrom');
  const raw = await composeRawEmail({ from: { address: from, name: SENDER_NAME }, to, ...content });
  return sendRawEmail(sesClient(), {
    raw,
    from,
    to: to.address,
    configurationSet: optionalSetting('sesConfigurationSet'),
  });
}

/** Links in emails point at the public API, wherever it is deployed. */
export function publicUrl(path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, `${setting('publicBaseUrl').replace(/\/+$/, '')}/`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}
