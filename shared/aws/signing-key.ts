import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { requestHandler } from './request-handler';

export function createSecretsManagerClient(): SecretsManagerClient {
  return new SecretsManagerClient({ requestHandler });
}

/**
 * How long a container keeps the link secret before reading it again: after a rotation, every warm container
 * knows the new keys within this time (docs/deploy.md says to add a new key last, wait this long, then move it
 * first).
 */
export const SIGNING_KEY_MAX_AGE_SECONDS = 5 * 60;

/**
 * The secret that seals links in emails, read from Secrets Manager through Powertools Parameters and kept for
 * `SIGNING_KEY_MAX_AGE_SECONDS`. Parameters keeps only values it read: after a failed read the next call tries
 * again.
 */
export function secretsManagerSigningKey(
  secretArn: string,
  client: SecretsManagerClient,
): () => Promise<string> {
  const secrets = new SecretsProvider({ awsSdkV3Client: client });
  return async () => {
    const value = await secrets.get(secretArn, { maxAge: SIGNING_KEY_MAX_AGE_SECONDS });
    if (typeof value !== 'string' || value.length === 0)
      throw new Error('The token secret has no string value');
    return value;
  };
}
