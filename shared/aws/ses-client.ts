import { SESClient } from '@aws-sdk/client-ses';
import { requestHandler } from './request-handler';

let client: SESClient | undefined;

export function sesClient(): SESClient {
  client ??= new SESClient({ requestHandler });
  return client;
}
