import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS, type FunctionName } from '#config/environment';
import { synthesize, withSynthesizedTemplate } from './synth';
import { functionNamed, render, resourceNamed } from './template';

let template: Template;
withSynthesizedTemplate((synthesized) => {
  template = synthesized;
});

const functions = ['AdminApi', 'PublicApi', 'Console', 'Milestone', 'Reconcile', 'SesEvents'] as const;
const NAMES: Record<(typeof functions)[number], FunctionName> = {
  AdminApi: 'admin-api',
  Console: 'console',
  PublicApi: 'public-api',
  Milestone: 'milestone',
  Reconcile: 'reconcile',
  SesEvents: 'ses-events',
};

function environmentOf(constructId: string): Record<string, string> {
  const variables = (
    functionNamed(template, constructId).props.Environment as { Variables: Record<string, unknown> }
  ).Variables;
  return Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, render(value)]));
}

describe('every function', () => {
  it('is one of the six handlers', () => {
    template.resourceCountIs('AWS::Lambda::Function', functions.length);
  });

  it.each(functions)('%s runs the ESM bundle on nodejs22.x, arm64, with no Node options', (constructId) => {
    const { props } = functionNamed(template, constructId);
    expect(props).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
    });
    // Not --enable-source-maps, which reads the source map at every cold start: stacks are mapped when written.
    expect(environmentOf(constructId).NODE_OPTIONS).toBeUndefined();
  });

  it.each(functions)(
    '%s logs to its own log group, kept a year, encrypted with the logs key',
    (constructId) => {
      const { props } = functionNamed(template, constructId);
      const logGroup = resourceNamed(template, 'AWS::Logs::LogGroup', `${constructId}Logs`);
      expect(props.LoggingConfig).toEqual({ LogGroup: { Ref: logGroup.id } });
      expect(logGroup.props.RetentionInDays).toBe(365);
      const key = resourceNamed(template, 'AWS::KMS::Key', 'LogsKey');
      expect(logGroup.props.KmsKeyId).toEqual({ 'Fn::GetAtt': [key.id, 'Arn'] });
    },
  );

  it.each(functions)('%s has its own role without managed policies', (constructId) => {
    const { props } = functionNamed(template, constructId);
    const role = resourceNamed(template, 'AWS::IAM::Role', `${constructId}Role`);
    expect(props.Role).toEqual({ 'Fn::GetAtt': [role.id, 'Arn'] });
    expect(role.props.ManagedPolicyArns).toBeUndefined();
  });

  it('has X-Ray tracing off unless asked for', () => {
    for (const constructId of functions)
      expect(functionNamed(template, constructId).props.TracingConfig).toBeUndefined();
  });
});

/** What every function gets for Powertools, in a stage deployed without context. */
const PLATFORM = {
  POWERTOOLS_LOG_LEVEL: 'INFO',
  POWERTOOLS_TRACE_ENABLED: 'false',
};

describe('the environment', () => {
  it.each(functions)('%s sets exactly the variables its function reads at start', (constructId) => {
    const variables = environmentOf(constructId);
    for (const platform of Object.keys(PLATFORM)) delete variables[platform];
    expect(Object.keys(variables).sort()).toEqual(Object.keys(ENVIRONMENTS[NAMES[constructId]].shape).sort());
  });

  const table = () => `<${resourceNamed(template, 'AWS::DynamoDB::Table', 'DataTable').id}>`;
  const apiEndpoint = () =>
    `<${resourceNamed(template, 'AWS::ApiGatewayV2::Api', 'ApiHttpApi').id}.ApiEndpoint>`;

  it('gives admin-api and reconcile what they need to sync schedules, and admin-api what it needs to send mail', () => {
    const expected = {
      TABLE_NAME: table(),
      SCHEDULE_GROUP: 'gcm-consultations-dev',
      MILESTONE_FUNCTION_ARN: `<${functionNamed(template, 'Milestone').id}.Arn>`,
      SCHEDULER_ROLE_ARN: `<${resourceNamed(template, 'AWS::IAM::Role', 'SchedulingSchedulerRole').id}.Arn>`,
      SCHEDULER_DLQ_ARN: `<${resourceNamed(template, 'AWS::SQS::Queue', 'SchedulingDeadLetterQueue').id}.Arn>`,
      ...PLATFORM,
    };
    expect(environmentOf('AdminApi')).toEqual({ ...expected, ...mailing(), PURGE_AFTER_MONTHS: '12' });
    expect(environmentOf('Reconcile')).toEqual({ ...expected, PURGE_AFTER_MONTHS: '12' });
  });

  const mailing = () => ({
    TABLE_NAME: table(),
    MAIL_FROM: 'consultations@example.org',
    SES_CONFIGURATION_SET: `<${resourceNamed(template, 'AWS::SES::ConfigurationSet', 'MailConfigurationSet').id}>`,
    PUBLIC_BASE_URL: apiEndpoint(),
    SECRETARIAT_EMAIL: 'consultations@example.org',
    TOKEN_SECRET_ARN: `<${resourceNamed(template, 'AWS::SecretsManager::Secret', 'TokenSecret').id}>`,
    ...PLATFORM,
  });

  it('gives public-api what it needs to send mail and sign its links: the token secret ARN, never the secret', () => {
    expect(environmentOf('PublicApi')).toEqual({ ...mailing(), PURGE_AFTER_MONTHS: '12' });
    expect(environmentOf('PublicApi')).not.toHaveProperty('TOKEN_SECRET');
  });

  it('gives milestone the same, its sending rate, and what it needs to schedule the rest of a large round', () => {
    expect(environmentOf('Milestone')).toEqual({
      ...mailing(),
      SES_SEND_RATE: '14',
      SCHEDULE_GROUP: 'gcm-consultations-dev',
      SCHEDULER_ROLE_ARN: `<${resourceNamed(template, 'AWS::IAM::Role', 'SchedulingSchedulerRole').id}.Arn>`,
      SCHEDULER_DLQ_ARN: `<${resourceNamed(template, 'AWS::SQS::Queue', 'SchedulingDeadLetterQueue').id}.Arn>`,
    });
  });
});

describe('the functions that run long', () => {
  it('give milestone minutes for a round of emails and keep API handlers short', () => {
    expect(functionNamed(template, 'Milestone').props.Timeout).toBe(600);
    expect(functionNamed(template, 'Reconcile').props.Timeout).toBe(120);
    expect(functionNamed(template, 'AdminApi').props.Timeout).toBe(10);
    expect(functionNamed(template, 'PublicApi').props.Timeout).toBe(10);
    expect(functionNamed(template, 'SesEvents').props.Timeout).toBe(10);
  });

  it('run milestone one invocation at a time, so that rounds firing together keep to the SES rate in total', () => {
    expect(functionNamed(template, 'Milestone').props.ReservedConcurrentExecutions).toBe(1);
    for (const other of ['AdminApi', 'PublicApi', 'Console', 'Reconcile', 'SesEvents'])
      expect(functionNamed(template, other).props.ReservedConcurrentExecutions).toBeUndefined();
  });

  it('send failed asynchronous milestone invocations to the dead-letter queue', () => {
    const queue = resourceNamed(template, 'AWS::SQS::Queue', 'SchedulingDeadLetterQueue');
    expect(functionNamed(template, 'Milestone').props.DeadLetterConfig).toEqual({
      TargetArn: { 'Fn::GetAtt': [queue.id, 'Arn'] },
    });
  });
});

describe('context', () => {
  it('sets the sender, the secretariat’s address, the SES domain, the public base URL, the group name, tracing and the log level', () => {
    const custom = synthesize({
      context: {
        mailFrom: 'review@mail.consultations.example.org',
        secretariatEmail: 'secretariat@example.org',
        mailDomain: 'consultations.example.org',
        publicBaseUrl: 'https://consult.example/',
        scheduleGroupName: 'gcm-test',
        xrayTracing: 'true',
        logLevel: 'debug',
      },
    });
    try {
      const milestone = functionNamed(custom.template, 'Milestone').props as {
        Environment: { Variables: Record<string, unknown> };
        TracingConfig: unknown;
      };
      expect(milestone.Environment.Variables).toMatchObject({
        MAIL_FROM: 'review@mail.consultations.example.org',
        PUBLIC_BASE_URL: 'https://consult.example',
        SECRETARIAT_EMAIL: 'secretariat@example.org',
        POWERTOOLS_LOG_LEVEL: 'DEBUG',
        POWERTOOLS_TRACE_ENABLED: 'true',
      });
      expect(milestone.TracingConfig).toEqual({ Mode: 'Active' });
      custom.template.hasResourceProperties('AWS::SES::EmailIdentity', {
        EmailIdentity: 'consultations.example.org',
      });
      custom.template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'gcm-test' });
    } finally {
      custom.dispose();
    }
  });

  it('rejects a sender that is not an email address', () => {
    expect(() => synthesize({ context: { mailFrom: 'consultations' } })).toThrow(/mailFrom/);
  });

  it('rejects a log level Powertools does not know', () => {
    expect(() => synthesize({ context: { logLevel: 'chatty' } })).toThrow(/logLevel must be one of/);
  });
});
