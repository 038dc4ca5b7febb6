import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  type Alarm,
  AlarmStatusWidget,
  Dashboard as CloudWatchDashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BUSINESS_NAMESPACE, type BusinessMetric } from '#observability/business-metrics';
import type { ServiceFunction } from './service-function';

export interface DashboardProps {
  dashboardName: string;
  alarms: Alarm[];
  functions: ServiceFunction[];
  httpApi: HttpApi;
  scheduleGroup: IScheduleGroup;
  /** Each dead-letter queue with what it holds, for the graph's legend. */
  deadLetterQueues: { label: string; queue: IQueue }[];
  table: ITable;
}

const PERIOD = Duration.minutes(5);
const WIDE = 12;
const HEIGHT = 6;

/**
 * One page for the operator: the alarms' states first, then what the service did (registrations, emails, rounds),
 * then each moving part (functions, API, Scheduler, SES, the queues, the table).
 */
export class Dashboard extends Construct {
  readonly dashboard: CloudWatchDashboard;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    const { functions } = props;
    const perFunction = (metric: (fn: ServiceFunction) => IMetric) => functions.map(metric);

    this.dashboard = new CloudWatchDashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(7),
      widgets: [
        [new AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: 24, height: 4 })],
        [
          new TextWidget({
            markdown:
              '## What the service did\nPublished by the functions; empty until the first registration or round.',
            width: 24,
            height: 2,
          }),
        ],
        [
          graph('Registrations and confirmations', [
            business('Registrations', 'Sum'),
            business('Confirmations', 'Sum'),
          ]),
          graph('Emails', [
            business('EmailsSent', 'Sum'),
            business('Bounces', 'Sum'),
            business('Complaints', 'Sum'),
          ]),
        ],
        [
          graph('Rounds: duration (ms)', [
            business('RoundDurationMs', 'Average'),
            business('RoundDurationMs', 'Maximum'),
          ]),
          graph('Stale firings (a job of an older version of its review: a no-op)', [
            business('StaleFirings', 'Sum'),
          ]),
        ],
        [
          graph(
            'Invocations',
            perFunction((fn) => fn.metricInvocations({ period: PERIOD, label: fn.handlerName })),
          ),
          graph(
            'Errors and throttles',
            functions.flatMap((fn) => [
              fn.metricErrors({ period: PERIOD, label: `${fn.handlerName} errors` }),
              fn.metricThrottles({ period: PERIOD, label: `${fn.handlerName} throttles` }),
            ]),
          ),
        ],
        [
          graph(
            'Duration p95 (ms)',
            perFunction((fn) =>
              fn.metricDuration({ period: PERIOD, statistic: 'p95', label: fn.handlerName }),
            ),
          ),
          graph('HTTP API', [
            props.httpApi.metricCount({ period: PERIOD, label: 'requests' }),
            props.httpApi.metricClientError({ period: PERIOD, label: '4xx' }),
            props.httpApi.metricServerError({ period: PERIOD, label: '5xx' }),
          ]),
        ],
        [
          graph('Scheduler: milestone jobs', [
            props.scheduleGroup.metricAttempts({ period: PERIOD, label: 'invocation attempts' }),
            props.scheduleGroup.metricTargetErrors({ period: PERIOD, label: 'target errors' }),
            props.scheduleGroup.metricDropped({ period: PERIOD, label: 'dropped' }),
            props.scheduleGroup.metricSentToDLQ({ period: PERIOD, label: 'sent to the dead-letter queue' }),
          ]),
          graph(
            'Dead-letter queues: messages waiting',
            props.deadLetterQueues.map(({ label, queue }) =>
              queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum', label }),
            ),
          ),
        ],
        [
          graph('SES: the account’s sending', [
            ses('Send', 'Sum'),
            ses('Delivery', 'Sum'),
            ses('Bounce', 'Sum'),
            ses('Complaint', 'Sum'),
          ]),
          graph('SES: reputation (reviewed at 5% bounces, 0.1% complaints)', [
            ses('Reputation.BounceRate', 'Maximum'),
            ses('Reputation.ComplaintRate', 'Maximum'),
          ]),
        ],
        [
          graph('Table: capacity units consumed', [
            props.table.metricConsumedReadCapacityUnits({ period: PERIOD, label: 'read' }),
            props.table.metricConsumedWriteCapacityUnits({ period: PERIOD, label: 'write' }),
          ]),
        ],
      ],
    });
  }
}

function graph(title: string, left: IMetric[]): GraphWidget {
  return new GraphWidget({ title, left, width: WIDE, height: HEIGHT });
}

/**
 * A business metric summed over the functions that publish it, whatever their `service` names: a search, so that
 * a function publishing it later needs no change here.
 */
function business(metricName: BusinessMetric, statistic: 'Sum' | 'Average' | 'Maximum'): IMetric {
  const search = `SEARCH('{${BUSINESS_NAMESPACE},service} MetricName="${metricName}"', '${statistic}', ${PERIOD.toSeconds()})`;
  const expression =
    statistic === 'Sum' ? `SUM(${search})` : statistic === 'Maximum' ? `MAX(${search})` : `AVG(${search})`;
  return new MathExpression({
    expression,
    usingMetrics: {},
    label: `${metricName} (${statistic.toLowerCase()})`,
    period: PERIOD,
  });
}

function ses(metricName: string, statistic: string): Metric {
  return new Metric({ namespace: 'AWS/SES', metricName, statistic, period: PERIOD, label: metricName });
}
