/**
 * Every AWS SDK client of the service is built in this folder, one file per service (so that each function's
 * bundle carries only the clients it uses), by the composition roots. Without a `config`, a client takes the
 * SDK's defaults: in Lambda, the function's region and role. The local runtime passes its endpoints, region and
 * stand-in credentials instead. Every client has a request timeout, because a call that hangs (the SES emulator
 * never answers calls it does not know) must fail rather than hold a Lambda until it times out.
 */
export const requestHandler = { requestTimeout: 10_000, throwOnRequestTimeout: true } as const;

/** Where a client sends its calls, when not to AWS itself. */
export interface ClientConfig {
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}
