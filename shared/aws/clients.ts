import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The one place that builds AWS SDK clients. Endpoints are never set here: the SDK reads
 * `AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_SES` and `AWS_ENDPOINT_URL_SCHEDULER`, which the local runtime
 * sets and AWS leaves unset. Every client has a request timeout, because a call that hangs (the SES emulator never
 * answers calls it does not know) must fail rather than hold a Lambda until it times out.
 */
const requestHandler = { requestTimeout: 10_000, throwOnRequestTimeout: true } as const;

let documentClient: DynamoDBDocumentClient | undefined;
let ses: SESClient | undefined;
let scheduler: SchedulerClient | undefined;
let secrets: SecretsManagerClient | undefined;

export function dynamo(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({ requestHandler }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
}

export function sesClient(): SESClient {
  ses ??= new SESClient({ requestHandler });
  return ses;
}

export function schedulerClient(): SchedulerClient {
  scheduler ??= new SchedulerClient({ requestHandler });
  return scheduler;
}

export function secretsClient(): SecretsManagerClient {
  secrets ??= new SecretsManagerClient({ requestHandler });
  return secrets;
}
