import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { requestHandler } from './request-handler';

/**
 * How long a container keeps the link secret before reading it again: after a rotation, every warm container
 * knows the new keys within this time (docs/deploy.md says to add a new key last, wait this long, then move it
 * first).
 */
export const SIGNING_KEY_MAX_AGE_MS = 5 * 60_000;

/**
 * The secret that seals links in emails, read from Secrets Manager and kept for `SIGNING_KEY_MAX_AGE_MS`. A failed
 * read is not kept: the next call tries again.
 */
export function secretsManagerSigningKey(
  secretArn: string,
  client = new SecretsManagerClient({ requestHandler }),
  now: () => number = Date.now,
): () => Promise<string> {
  let cached: { value: Promise<string>; readAt: number } | undefined;
  return () => {
    if (!cached || now() - cached.readAt >= SIGNING_KEY_MAX_AGE_MS) {
      const value = client
        .send(new GetSecretValueCommand({ SecretId: secretArn }))
        .then(({ SecretString }) => {
          if (!SecretString) throw new Error('The token secret has no string value');
          return SecretString;
        })
        .catch((error) => {
          cached = undefined;
          throw error;
        });
      cached = { value, readAt: now() };
    }
    return cached.value;
  };
}
