import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesize } from './synth';
import { functionNamed, resourceNamed } from './template';

let synthesized: Synthesized;
let template: Template;
beforeAll(() => {
  synthesized = synthesize();
  template = synthesized.template;
});
afterAll(() => synthesized?.dispose());

const functions = ['AdminApi', 'PublicApi', 'Console', 'Milestone', 'Reconcile', 'SesEvents'] as const;

type AlarmProps = {
  AlarmName: string;
  Namespace: string;
  MetricName: string;
  Dimensions?: { Name: string; Value: unknown }[];
  Threshold: number;
  AlarmActions: unknown[];
  OKActions: unknown[];
};

const alarms = () =>
  Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
    (alarm) => (alarm as { Properties: AlarmProps }).Properties,
  );
const topicId = () => resourceNamed(template, 'AWS::SNS::Topic', 'AlarmsTopic').id;

/** The alarm on a metric, with the dimension it names, if any. */
function alarmOn(
  namespace: string,
  metricName: string,
  dimension?: { Name: string; Value: unknown },
): AlarmProps {
  const found = alarms().filter(
    (alarm) =>
      alarm.Namespace === namespace &&
      alarm.MetricName === metricName &&
      JSON.stringify(alarm.Dimensions ?? []) === JSON.stringify(dimension ? [dimension] : []),
  );
  if (found.length !== 1)
    throw new Error(`Expected one alarm on ${namespace} ${metricName}, found ${found.length}`);
  return found[0] as AlarmProps;
}

describe('the alarm topic', () => {
  it('is one per stack, reachable over TLS only, and an output', () => {
    template.resourceCountIs('AWS::SNS::Topic', 2); // and the SES events topic
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId() }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    expect(template.findOutputs('AlarmTopicArn').AlarmTopicArn?.Value).toEqual({ Ref: topicId() });
  });

  it('has no subscriber without operatorsEmail, and synth says so', () => {
    expect(template.findResources('AWS::SNS::Subscription', { Properties: { Protocol: 'email' } })).toEqual(
      {},
    );
    Annotations.fromStack(synthesized.stack).hasWarning(
      '/GcmConsultations-dev/Alarms',
      Match.stringLikeRegexp('No operatorsEmail'),
    );
  });

  it('emails the operators’ address from context', () => {
    const withOperators = synthesize({ context: { operatorsEmail: 'ops@example.org' } });
    try {
      const topic = resourceNamed(withOperators.template, 'AWS::SNS::Topic', 'AlarmsTopic').id;
      withOperators.template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: 'ops@example.org',
        TopicArn: { Ref: topic },
      });
      Annotations.fromStack(withOperators.stack).hasNoWarning('*', Match.stringLikeRegexp('operatorsEmail'));
    } finally {
      withOperators.dispose();
    }
  });
});

describe('every alarm', () => {
  it('tells the topic when it goes off and when it clears', () => {
    expect(alarms().length).toBeGreaterThan(0);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions).toEqual([{ Ref: topicId() }]);
      expect(alarm.OKActions).toEqual([{ Ref: topicId() }]);
    }
  });

  it('is one of those below, and nothing else', () => {
    expect(alarms()).toHaveLength(functions.length * 2 + 1 + 2 + 2 + 2);
  });
});

describe('the alarms', () => {
  it.each(functions.filter((name) => name !== 'Milestone'))(
    'watch %s for errors and throttles',
    (constructId) => {
      const dimension = { Name: 'FunctionName', Value: { Ref: functionNamed(template, constructId).id } };
      expect(alarmOn('AWS/Lambda', 'Errors', dimension).Threshold).toBe(1);
      expect(alarmOn('AWS/Lambda', 'Throttles', dimension).Threshold).toBe(1);
    },
  );

  it('watch milestone for errors and for rounds waiting their turn over half an hour, not for its throttles', () => {
    const dimension = { Name: 'FunctionName', Value: { Ref: functionNamed(template, 'Milestone').id } };
    expect(alarmOn('AWS/Lambda', 'Errors', dimension).Threshold).toBe(1);
    expect(alarmOn('AWS/Lambda', 'AsyncEventAge', dimension).Threshold).toBe(30 * 60_000);
    expect(() => alarmOn('AWS/Lambda', 'Throttles', dimension)).toThrow(/found 0/);
  });

  it('watch the HTTP API for 5xx answers', () => {
    const api = resourceNamed(template, 'AWS::ApiGatewayV2::Api', 'ApiHttpApi').id;
    expect(alarmOn('AWS/ApiGateway', '5xx', { Name: 'ApiId', Value: { Ref: api } }).Threshold).toBe(1);
  });

  it.each(['SchedulingDeadLetterQueue', 'MailEventsDeadLetterQueue'])(
    'go off on one message in %s',
    (constructId) => {
      const queue = resourceNamed(template, 'AWS::SQS::Queue', constructId).id;
      const dimension = { Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } };
      expect(alarmOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible', dimension).Threshold).toBe(1);
    },
  );

  it('watch the account’s SES bounce and complaint rates, at half the levels where SES reviews it', () => {
    expect(alarmOn('AWS/SES', 'Reputation.BounceRate').Threshold).toBe(0.025);
    expect(alarmOn('AWS/SES', 'Reputation.ComplaintRate').Threshold).toBe(0.0005);
  });

  it('watch Scheduler’s target errors and dropped invocations in the service’s group', () => {
    const dimension = { Name: 'ScheduleGroup', Value: 'gcm-consultations-dev' };
    expect(alarmOn('AWS/Scheduler', 'TargetErrorCount', dimension).Threshold).toBe(1);
    expect(alarmOn('AWS/Scheduler', 'InvocationDroppedCount', dimension).Threshold).toBe(1);
  });
});
