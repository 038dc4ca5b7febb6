import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { optionalSetting, setting } from '../config';
import { secretsClient } from './secrets-client';

let cached: Promise<string> | undefined;

/**
 * The key that signs links in emails: the Secrets Manager secret named by TOKEN_SECRET_ARN in AWS, or the value
 * of TOKEN_SECRET where one is given (the local runtime generates and keeps one). Read once per container.
 */
export function tokenKey(): Promise<string> {
  const inline = optionalSetting('tokenSecret');
  if (inline) return Promise.resolve(inline);
  cached ??= secretsClient()
    .send(new GetSecretValueCommand({ SecretId: setting('tokenSecretArn') }))
    .then(({ SecretString }) => {
      if (!SecretString) throw new Error('The token secret has no string value');
      return SecretString;
    });
  return cached;
}
