import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { routes } from '#api/routes';
import { withSynthesizedTemplate } from './synth';
import { actionsOf, functionNamed, render, resourceNamed, statementsOfFunction } from './template';

let template: Template;
withSynthesizedTemplate((synthesized) => {
  template = synthesized;
});

const ids = () => ({
  topic: resourceNamed(template, 'AWS::SNS::Topic', 'MailEventsTopic').id,
  key: resourceNamed(template, 'AWS::KMS::Key', 'MailEventsTopicKey').id,
  queue: resourceNamed(template, 'AWS::SQS::Queue', 'MailEventsDeadLetterQueue').id,
  configurationSet: resourceNamed(template, 'AWS::SES::ConfigurationSet', 'MailConfigurationSet').id,
  table: resourceNamed(template, 'AWS::DynamoDB::Table', 'DataTable').id,
  fn: functionNamed(template, 'SesEvents').id,
});

describe('the SES events topic', () => {
  it('is encrypted with a rotated key of its own that SES may use for this account’s topics', () => {
    const { key } = ids();
    expect(resourceNamed(template, 'AWS::SNS::Topic', 'MailEventsTopic').props).toEqual({
      KmsMasterKeyId: { 'Fn::GetAtt': [key, 'Arn'] },
    });
    const keyProps = resourceNamed(template, 'AWS::KMS::Key', 'MailEventsTopicKey').props;
    expect(keyProps.EnableKeyRotation).toBe(true);
    type KeyStatement = { Principal: unknown; Condition?: { ArnLike: Record<string, unknown> } };
    const statements = (keyProps.KeyPolicy as { Statement: KeyStatement[] }).Statement;
    const [forSes, ...others] = statements.filter((s) =>
      JSON.stringify(s.Principal).includes('ses.amazonaws.com'),
    );
    expect(others).toEqual([]);
    expect(forSes).toMatchObject({ Effect: 'Allow', Action: ['kms:GenerateDataKey*', 'kms:Decrypt'] });
    const topicArn = forSes?.Condition?.ArnLike['kms:EncryptionContext:aws:sns:topicArn'];
    expect(render(topicArn)).toBe('arn:<AWS::Partition>:sns:<AWS::Region>:<AWS::AccountId>:*');
  });

  it('lets only SES, for this account’s configuration set, publish, and over TLS only', () => {
    const { topic, configurationSet } = ids();
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topic }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sns:Publish',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'ses.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: { Ref: topic },
            Condition: {
              StringEquals: {
                'AWS:SourceAccount': { Ref: 'AWS::AccountId' },
                'AWS:SourceArn': Match.anyValue(),
              },
            },
          }),
        ]),
      },
    });
    const policy = resourceNamed(template, 'AWS::SNS::TopicPolicy', 'MailEventsTopicPolicy').props as {
      PolicyDocument: {
        Statement: { Effect: string; Condition: { StringEquals: Record<string, unknown> } }[];
      };
    };
    const allow = policy.PolicyDocument.Statement.filter((s) => s.Effect === 'Allow');
    expect(allow).toHaveLength(1);
    expect(render(allow[0]?.Condition.StringEquals['AWS:SourceArn'])).toBe(
      `arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:configuration-set/<${configurationSet}>`,
    );
  });

  it('receives the bounces, complaints, deliveries and rejects of the configuration set', () => {
    const { topic, configurationSet } = ids();
    template.resourceCountIs('AWS::SES::ConfigurationSetEventDestination', 1);
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: configurationSet },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint', 'delivery', 'reject'],
        SnsDestination: { TopicARN: { Ref: topic } },
      },
    });
  });
});

describe('the ses-events function', () => {
  it('is subscribed to the topic, with a dead-letter queue for what SNS cannot deliver', () => {
    const { topic, fn, queue } = ids();
    template.resourceCountIs('AWS::SNS::Subscription', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      TopicArn: { Ref: topic },
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [fn, 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [queue, 'Arn'] } },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fn, 'Arn'] },
      Principal: 'sns.amazonaws.com',
      SourceArn: { Ref: topic },
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queue }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'sns.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Condition: { ArnEquals: { 'aws:SourceArn': { Ref: topic } } },
          }),
        ]),
      },
    });
  });

  it('sends the events it failed on (after Lambda’s retries) to the same queue, which is alarmed', () => {
    const { queue } = ids();
    expect(functionNamed(template, 'SesEvents').props.DeadLetterConfig).toEqual({
      TargetArn: { 'Fn::GetAtt': [queue, 'Arn'] },
    });
    expect(resourceNamed(template, 'AWS::SQS::Queue', 'MailEventsDeadLetterQueue').props).toMatchObject({
      MessageRetentionPeriod: 14 * 24 * 3600,
      SqsManagedSseEnabled: true,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
      Threshold: 1,
    });
  });

  it('knows the table only', () => {
    const variables = (
      functionNamed(template, 'SesEvents').props.Environment as { Variables: Record<string, unknown> }
    ).Variables;
    expect(
      Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, render(value)])),
    ).toEqual({
      TABLE_NAME: `<${ids().table}>`,
      POWERTOOLS_LOG_LEVEL: 'INFO',
      POWERTOOLS_TRACE_ENABLED: 'false',
    });
  });

  it('may use the table, its logs and its dead-letter queue, and nothing else: no mail, no schedules', () => {
    const { table, queue } = ids();
    const statements = statementsOfFunction(template, 'SesEvents');
    const services = new Set(actionsOf(statements).map((action) => action.split(':')[0]));
    expect([...services].sort()).toEqual(['dynamodb', 'logs', 'sqs']);
    for (const statement of statements.filter((s) => s.actions.some((a) => a.startsWith('dynamodb:'))))
      expect(statement.resources).toEqual([`<${table}.Arn>`, `<${table}.Arn>/index/*`]);
    expect(statements.filter((s) => s.actions.some((a) => a.startsWith('sqs:')))).toEqual([
      { effect: 'Allow', actions: ['sqs:SendMessage'], resources: [`<${queue}.Arn>`], condition: undefined },
    ]);
  });
});

describe('the route table', () => {
  it('has the secretariat’s suppression routes on the admin-api function', () => {
    expect(routes.filter((route) => route.path.startsWith('/admin/suppressions'))).toEqual([
      { method: 'GET', path: '/admin/suppressions', fn: 'admin-api', auth: 'staff', access: 'secretariat' },
      {
        method: 'GET',
        path: '/admin/suppressions/{email}',
        fn: 'admin-api',
        auth: 'staff',
        access: 'secretariat',
      },
    ]);
    for (const key of ['GET /admin/suppressions', 'GET /admin/suppressions/{email}'])
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key, AuthorizationType: 'JWT' });
  });
});
