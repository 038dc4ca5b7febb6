import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUSINESS_METRICS, BUSINESS_NAMESPACE } from '#observability/business-metrics';
import { withSynthesizedTemplate } from './synth';
import { functionNamed, render, resourceNamed } from './template';

let template: Template;
withSynthesizedTemplate((synthesized) => {
  template = synthesized;
});

type Widget = { type: string; properties: { title?: string; metrics?: unknown[][]; alarms?: string[] } };
let widgets: Widget[];
beforeAll(() => {
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  const body = render((dashboard as { Properties: { DashboardBody: unknown } }).Properties.DashboardBody);
  widgets = (JSON.parse(body) as { widgets: Widget[] }).widgets;
});

const widgetTitled = (title: string) => {
  const widget = widgets.find((w) => w.properties.title === title);
  if (!widget) throw new Error(`No widget titled ${title}`);
  return JSON.stringify(widget.properties.metrics);
};

describe('the dashboard', () => {
  it('is one per stack', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('shows the state of every alarm first', () => {
    const [first] = widgets;
    expect(first?.type).toBe('alarm');
    const alarmIds = Object.keys(template.findResources('AWS::CloudWatch::Alarm'));
    expect(first?.properties.alarms?.sort()).toEqual(alarmIds.map((id) => `<${id}.Arn>`).sort());
  });

  it.each(Object.keys(BUSINESS_METRICS))(
    'graphs the business metric %s, from every service that publishes it',
    (metric) => {
      const expressions = widgets
        .flatMap((w) => w.properties.metrics ?? [])
        .flat()
        .flatMap((entry) =>
          typeof entry === 'object' && entry && 'expression' in entry ? [entry.expression] : [],
        );
      expect(expressions).toContainEqual(
        expect.stringContaining(`SEARCH('{${BUSINESS_NAMESPACE},service} MetricName="${metric}"'`),
      );
    },
  );

  it('graphs each function’s invocations, errors, throttles and duration', () => {
    for (const constructId of ['AdminApi', 'PublicApi', 'Console', 'Milestone', 'Reconcile', 'SesEvents']) {
      const fn = `<${functionNamed(template, constructId).id}>`;
      for (const title of ['Invocations', 'Errors and throttles', 'Duration p95 (ms)'])
        expect(widgetTitled(title)).toContain(fn);
    }
  });

  it('graphs the HTTP API, Scheduler, SES, the dead-letter queues and the table', () => {
    const api = `<${resourceNamed(template, 'AWS::ApiGatewayV2::Api', 'ApiHttpApi').id}>`;
    expect(widgetTitled('HTTP API')).toContain(api);
    for (const metric of ['InvocationAttemptCount', 'TargetErrorCount', 'InvocationDroppedCount'])
      expect(widgetTitled('Scheduler: milestone jobs')).toContain(metric);
    for (const metric of ['Reputation.BounceRate', 'Reputation.ComplaintRate'])
      expect(widgetTitled('SES: reputation (reviewed at 5% bounces, 0.1% complaints)')).toContain(metric);
    for (const queue of ['SchedulingDeadLetterQueue', 'MailEventsDeadLetterQueue'])
      expect(widgetTitled('Dead-letter queues: messages waiting')).toContain(
        resourceNamed(template, 'AWS::SQS::Queue', queue).id,
      );
    expect(widgetTitled('Table: capacity units consumed')).toContain(
      resourceNamed(template, 'AWS::DynamoDB::Table', 'DataTable').id,
    );
  });
});
