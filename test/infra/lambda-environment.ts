/**
 * What Lambda would give the functions: loading a bundle runs its composition root, which reads and checks the
 * function's environment. No call is made at load, so the values need only be well-formed.
 */
export const LAMBDA_ENVIRONMENT = {
  TABLE_NAME: 'gcm-consultations',
  SCHEDULE_GROUP: 'gcm-consultations',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::111122223333:role/scheduler',
  SCHEDULER_DLQ_ARN: 'arn:aws:sqs:eu-west-1:111122223333:dead-letters',
  MILESTONE_FUNCTION_ARN: 'arn:aws:lambda:eu-west-1:111122223333:function:milestone',
  MAIL_FROM: 'consultations@example.org',
  SES_CONFIGURATION_SET: 'gcm-consultations',
  PUBLIC_BASE_URL: 'https://consultations.example.org',
  SECRETARIAT_EMAIL: 'secretariat@example.org',
  COGNITO_USER_POOL_ID: 'eu-west-1_abcDEF123',
  COGNITO_CLIENT_ID: 'console-client',
  COGNITO_DOMAIN_URL: 'https://gcm.auth.eu-west-1.amazoncognito.com',
  TOKEN_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:token',
  SES_SEND_RATE: '14',
  PURGE_AFTER_MONTHS: '12',
  AWS_REGION: 'eu-west-1',
};
