import { SESClient } from '@aws-sdk/client-ses';
import { type ClientConfig, requestHandler } from './request-handler';

export function createSesClient(config: ClientConfig = {}): SESClient {
  return new SESClient({ ...config, requestHandler });
}
