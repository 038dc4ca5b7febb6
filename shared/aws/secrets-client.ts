import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { requestHandler } from './request-handler';

let client: SecretsManagerClient | undefined;

export function secretsClient(): SecretsManagerClient {
  client ??= new SecretsManagerClient({ requestHandler });
  return client;
}
