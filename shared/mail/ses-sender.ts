import { type SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';

export interface RawEmailInput {
  /** The whole message, as built by `composeRawEmail`. */
  raw: Buffer;
  /** Envelope sender (the SES verified identity). */
  from: string;
  /** Envelope recipient. */
  to: string;
  configurationSet?: string;
  /** SES message tags, handed back in every event SES publishes about the message (`mail.tags`). */
  tags?: Record<string, string>;
}

/** Sends one raw message through SES and returns the SES MessageId. */
export async function sendRawEmail(client: SESClient, input: RawEmailInput): Promise<string> {
  const tags = Object.entries(input.tags ?? {}).map(([Name, Value]) => ({ Name, Value }));
  const output = await client.send(
    new SendRawEmailCommand({
      RawMessage: { Data: input.raw },
      Source: input.from,
      Destinations: [input.to],
      ...(input.configurationSet && { ConfigurationSetName: input.configurationSet }),
      ...(tags.length > 0 && { Tags: tags }),
    }),
  );
  if (!output.MessageId) throw new Error('SES accepted the message but returned no MessageId');
  return output.MessageId;
}

/**
 * SES refuses with `Throttling` both above the sending rate ("Maximum sending rate exceeded") and above the daily
 * quota ("Daily message quota exceeded"); AWS advises to wait (up to 10 minutes) and send again.
 */
const THROTTLING_NAMES = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException']);
const THROTTLING_MESSAGE = /maximum sending rate exceeded|daily message quota exceeded/i;

/** The request may never have reached SES, or SES did not answer: the same request can succeed later. */
const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
]);
const NETWORK_ERROR_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

/**
 * Whether sending the same message again later may succeed. Everything else is permanent and retrying only repeats
 * the failure: the message or an address is refused (`MessageRejected`, `InvalidParameterValue`), the identity is not
 * ready (`MailFromDomainNotVerifiedException`, `ConfigurationSetDoesNotExistException`) or sending is paused until
 * someone acts (`AccountSendingPausedException`, `ConfigurationSetSendingPausedException`).
 */
export function isRetryableSesError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { $metadata, code } = error as Error & { $metadata?: { httpStatusCode?: number }; code?: string };
  const status = $metadata?.httpStatusCode ?? 0;
  return (
    THROTTLING_NAMES.has(error.name) ||
    THROTTLING_MESSAGE.test(error.message) ||
    TRANSIENT_NAMES.has(error.name) ||
    (code !== undefined && NETWORK_ERROR_CODES.has(code)) ||
    status === 429 ||
    status >= 500
  );
}
