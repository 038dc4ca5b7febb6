/**
 * Every AWS SDK client of the service is built in this folder, one file per service (so that each function's
 * bundle carries only the clients it uses). Endpoints are never set here: the SDK reads
 * `AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_SES` and `AWS_ENDPOINT_URL_SCHEDULER`, which the local runtime
 * sets and AWS leaves unset. Every client has a request timeout, because a call that hangs (the SES emulator never
 * answers calls it does not know) must fail rather than hold a Lambda until it times out.
 */
export const requestHandler = { requestTimeout: 10_000, throwOnRequestTimeout: true } as const;
