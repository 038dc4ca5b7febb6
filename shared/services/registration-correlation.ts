import { normalizeEmail } from '#domain/text';
import { keyedDigest } from '#domain/tokens';
import { CORRELATION_TAG } from './delivery-tags';
import type { Needs } from './dependencies';

/**
 * Names a registration's flow in this invocation's log lines, and answers the tags that carry the name into the
 * SES events of the emails it sends: registering, confirming and the bounce of the confirmation email share one
 * id. The id is keyed by the newest link secret, so that it leads back to no address for whoever reads the logs.
 */
export async function correlateRegistration(
  deps: Needs<'signingKey' | 'log'>,
  reviewId: string,
  email: string,
): Promise<Record<string, string>> {
  const id = await registrationCorrelationId(deps, reviewId, email);
  deps.log.correlate(id);
  return { [CORRELATION_TAG]: id };
}

/** The id alone, which the console shows on the registrant's page for whoever looks into the logs. */
export async function registrationCorrelationId(
  deps: Needs<'signingKey'>,
  reviewId: string,
  email: string,
): Promise<string> {
  const digest = keyedDigest(
    await deps.signingKey(),
    'registration correlation',
    `${reviewId}\n${normalizeEmail(email)}`,
  );
  return `registration-${digest.slice(0, 16)}`;
}
