import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { requestHandler } from './request-handler';

/**
 * The key that signs links in emails, read from its Secrets Manager secret once per container. A failed read is
 * not kept: the next call tries again.
 */
export function secretsManagerSigningKey(secretArn: string): () => Promise<string> {
  const client = new SecretsManagerClient({ requestHandler });
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= client
      .send(new GetSecretValueCommand({ SecretId: secretArn }))
      .then(({ SecretString }) => {
        if (!SecretString) throw new Error('The token secret has no string value');
        return SecretString;
      })
      .catch((error) => {
        cached = undefined;
        throw error;
      });
    return cached;
  };
}
