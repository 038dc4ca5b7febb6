import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { type ClientConfig, requestHandler } from './request-handler';

export function createSchedulerClient(config: ClientConfig = {}): SchedulerClient {
  return new SchedulerClient({ ...config, requestHandler });
}
