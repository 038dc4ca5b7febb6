import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { requestHandler } from './request-handler';

let client: SchedulerClient | undefined;

export function schedulerClient(): SchedulerClient {
  client ??= new SchedulerClient({ requestHandler });
  return client;
}
