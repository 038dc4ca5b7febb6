import { Duration, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ServiceFunction } from './service-function';

export interface AlarmsProps {
  /** Starts every alarm's name: the stack's name, which carries the stage. */
  namePrefix: string;
  /** Subscribed to the topic; absent, synth warns that the alarms tell nobody. */
  operatorsEmail: string | undefined;
}

const FIVE_MINUTES = Duration.minutes(5);

// SES reviews an account at a 5% bounce rate or a 0.1% complaint rate, and may pause its sending at 10% or
// 0.5%: the alarms go off at half the first level, while there is time to act.
const BOUNCE_RATE_THRESHOLD = 0.025;
const COMPLAINT_RATE_THRESHOLD = 0.0005;

/**
 * A round waits its turn for at most the one invocation before it (10 minutes) and Lambda's retry backoff (up to 5):
 * past half an hour, several are queueing up.
 */
const QUEUED_TURN_ALARM_MS = 30 * 60_000;

/**
 * Alarms on the failures nobody would otherwise see, each telling the operators through one topic, in ALARM and
 * back in OK. At this service's traffic any failure is rare, so one in five minutes is enough to look.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly all: Alarm[] = [];
  private readonly namePrefix: string;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.namePrefix = props.namePrefix;
    this.topic = new Topic(this, 'Topic', { displayName: `${props.namePrefix} alarms`, enforceSSL: true });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry alarm names and metric values, no personal data; a key policy that did not ' +
        'let CloudWatch use a customer key would silence every alarm without failing the deploy.',
    });
    if (props.operatorsEmail) this.topic.addSubscription(new EmailSubscription(props.operatorsEmail));
    else
      Validations.of(this).addWarning(
        'NoOperatorsEmail',
        'No operatorsEmail in context: the alarms notify a topic nobody is subscribed to.',
      );
  }

  /** Errors (a crash or a timeout; the API handlers answer their own errors with a 5xx) and throttles. */
  onFunction(fn: ServiceFunction): void {
    const name = fn.handlerName;
    this.onErrors(fn);
    this.add(`${name}-throttles`, {
      metric: fn.metricThrottles({ period: FIVE_MINUTES }),
      description: `Lambda refused to run ${name}: the account's concurrency is spent.`,
    });
  }

  /**
   * A function that runs one invocation at a time (its reserved concurrency): Lambda throttling the ones that wait
   * their turn is its queue working, not a fault. Watched instead: its errors, and how long an invocation has
   * waited in the queue.
   */
  onTakingTurns(fn: ServiceFunction): void {
    const name = fn.handlerName;
    this.onErrors(fn);
    this.add(`${name}-queue-age`, {
      metric: fn.metric('AsyncEventAge', { statistic: 'Maximum', period: FIVE_MINUTES }),
      threshold: QUEUED_TURN_ALARM_MS,
      description:
        `An invocation of ${name} waited more than 30 minutes for its turn: rounds are queueing up behind a long ` +
        'one. It waits up to six hours, then goes to the dead-letter queue.',
    });
  }

  private onErrors(fn: ServiceFunction): void {
    this.add(`${fn.handlerName}-errors`, {
      metric: fn.metricErrors({ period: FIVE_MINUTES }),
      description: `The ${fn.handlerName} function failed (crashed or timed out); its log group tells which request.`,
    });
  }

  onHttpApi(httpApi: HttpApi): void {
    this.add('api-5xx', {
      metric: httpApi.metricServerError({ period: FIVE_MINUTES }),
      description: 'The HTTP API answered with a 5xx: a stakeholder or the secretariat saw an error page.',
    });
  }

  /** Any message in the queue: something failed past its retries and waits there for an operator. */
  onDeadLetters(name: string, queue: IQueue, description: string): void {
    this.add(name, {
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES }),
      description,
    });
  }

  /** The account's reputation as SES measures it, over the representative volume it chooses. */
  onSesReputation(): void {
    this.add('ses-bounce-rate', {
      metric: sesReputation('Reputation.BounceRate'),
      threshold: BOUNCE_RATE_THRESHOLD,
      description:
        'SES bounce rate at 2.5%: SES reviews the account at 5% and may pause sending at 10%. See the delivery ' +
        'reports for the addresses that bounced.',
    });
    this.add('ses-complaint-rate', {
      metric: sesReputation('Reputation.ComplaintRate'),
      threshold: COMPLAINT_RATE_THRESHOLD,
      description:
        'SES complaint rate at 0.05%: SES reviews the account at 0.1% and may pause sending at 0.5%. Check what ' +
        'the last round sent and to whom.',
    });
  }

  /** Scheduler could not invoke a milestone job's target, or gave up on one. */
  onScheduleGroup(group: IScheduleGroup): void {
    this.add('scheduler-target-errors', {
      metric: group.metricTargetErrors({ period: FIVE_MINUTES }),
      description:
        'Scheduler failed to invoke the milestone function for a job; it retries, then dead-letters.',
    });
    this.add('scheduler-dropped', {
      metric: group.metricDropped({ period: FIVE_MINUTES }),
      description: 'Scheduler gave up on a milestone job after its retries: see the dead-letter queue.',
    });
  }

  private add(name: string, props: { metric: IMetric; description: string; threshold?: number }): void {
    const alarm = new Alarm(this, name, {
      alarmName: `${this.namePrefix}-${name}`,
      alarmDescription: props.description,
      metric: props.metric,
      threshold: props.threshold ?? 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.all.push(alarm);
  }
}

function sesReputation(metricName: string): Metric {
  return new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
}
