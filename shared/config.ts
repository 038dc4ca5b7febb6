/**
 * Every setting a function reads, in one place. The same names are set by the CDK stack in AWS and by
 * `local/start.ts` on a laptop; the AWS SDK itself reads `AWS_ENDPOINT_URL_<SERVICE>` to find local endpoints.
 */
export const ENV = {
  tableName: 'TABLE_NAME',
  scheduleGroup: 'SCHEDULE_GROUP',
  milestoneFunctionArn: 'MILESTONE_FUNCTION_ARN',
  schedulerRoleArn: 'SCHEDULER_ROLE_ARN',
  schedulerDeadLetterArn: 'SCHEDULER_DLQ_ARN',
  mailFrom: 'MAIL_FROM',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  tokenSecret: 'TOKEN_SECRET',
  tokenSecretArn: 'TOKEN_SECRET_ARN',
  sendRate: 'SES_SEND_RATE',
  deliveryLeaseMs: 'DELIVERY_LEASE_MS',
} as const;

export type SettingName = keyof typeof ENV;

export function setting(name: SettingName): string {
  const value = process.env[ENV[name]];
  if (!value) throw new Error(`Missing configuration: environment variable ${ENV[name]} is not set`);
  return value;
}

export function optionalSetting(name: SettingName): string | undefined {
  return process.env[ENV[name]] || undefined;
}
