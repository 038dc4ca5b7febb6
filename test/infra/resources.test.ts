import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { withSynthesizedTemplate } from './synth';
import { functionNamed, resourceNamed } from './template';

let template: Template;
withSynthesizedTemplate((synthesized) => {
  template = synthesized;
});

describe('the table', () => {
  it('has generic string keys, one GSI projecting everything, on-demand billing', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'gsi1pk', AttributeType: 'S' },
        { AttributeName: 'gsi1sk', AttributeType: 'S' },
      ]),
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('has point-in-time recovery and encryption (what each stage keeps: stages.test.ts)', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('expires items by the expiresAt attribute', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });
});

describe('mail', () => {
  it('has a configuration set that requires TLS and tracks reputation', () => {
    template.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
    });
  });

  it("verifies the sender's domain with the configuration set as its default", () => {
    const configurationSet = resourceNamed(template, 'AWS::SES::ConfigurationSet', 'MailConfigurationSet');
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'example.org',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSet.id } },
    });
  });
});

describe('the token secret', () => {
  it('is generated, 64 characters without punctuation', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    });
  });
});

describe('scheduling', () => {
  it('has one schedule group, named by default after the stage', () => {
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'gcm-consultations-dev' });
  });

  it('has a dead-letter queue that keeps messages 14 days, encrypted, reachable over TLS only', () => {
    const queue = resourceNamed(template, 'AWS::SQS::Queue', 'SchedulingDeadLetterQueue');
    expect(queue.props).toMatchObject({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queue.id }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sqs:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('alarms as soon as one message waits in the dead-letter queue', () => {
    const queue = resourceNamed(template, 'AWS::SQS::Queue', 'SchedulingDeadLetterQueue');
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue.id, 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('runs reconcile every hour', () => {
    const reconcile = functionNamed(template, 'Reconcile');
    template.resourceCountIs('AWS::Events::Rule', 1);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [reconcile.id, 'Arn'] } })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [reconcile.id, 'Arn'] },
      Principal: 'events.amazonaws.com',
    });
  });
});

describe('the stack', () => {
  it('outputs what an operator and the smoke tests need', () => {
    expect(Object.keys(template.findOutputs('*')).sort()).toEqual([
      'AlarmTopicArn',
      'ApiId',
      'ApiUrl',
      'ConsoleUrl',
      'DashboardUrl',
      'DeadLetterQueueUrl',
      'DkimRecord1',
      'DkimRecord2',
      'DkimRecord3',
      'MilestoneFunctionName',
      'ScheduleGroupName',
      'SesEventsDeadLetterQueueUrl',
      'SesEventsFunctionName',
      'TableName',
      'TokenSecretArn',
      'UserPoolClientId',
      'UserPoolId',
    ]);
  });

  it('fixes no account or region', () => {
    const text = JSON.stringify(template.toJSON());
    expect(text).not.toMatch(/\b\d{12}\b/);
    expect(text).not.toMatch(
      /\b(us|eu|ap|sa|ca|me|af)-(east|west|north|south|central|northeast|southeast)-\d\b/,
    );
  });
});
