import { CfnOutput, Duration, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import { Api } from './api';
import { Data } from './data';
import { Mail } from './mail';
import { MailEvents } from './mail-events';
import { Observability } from './observability';
import { Scheduling } from './scheduling';
import { ServiceFunction } from './service-function';
import { readSettings } from './settings';
import { TokenSecret } from './token-secret';

/** The whole service in one environment-agnostic stack: no account or region is fixed here. */
export class ConsultationsStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const settings = readSettings(this);
    const data = new Data(this, 'Data');
    const { table } = data;
    const mail = new Mail(this, 'Mail', { mailFrom: settings.mailFrom, mailDomain: settings.mailDomain });
    const tokenSecret = new TokenSecret(this, 'TokenSecret');
    const scheduling = new Scheduling(this, 'Scheduling', { scheduleGroupName: settings.scheduleGroupName });
    const { xrayTracing } = settings;

    const tableEnvironment = { TABLE_NAME: table.tableName };
    const retentionEnvironment = { PURGE_AFTER_MONTHS: String(settings.purgeAfterMonths) };
    const schedulingEnvironment = {
      ...tableEnvironment,
      SCHEDULE_GROUP: scheduling.group.scheduleGroupName,
      SCHEDULER_ROLE_ARN: scheduling.schedulerRole.roleArn,
      SCHEDULER_DLQ_ARN: scheduling.deadLetterQueue.queueArn,
    };
    // Both mailing functions sign links (confirm, manage) into their emails, hence the token secret. Links point
    // at the HTTP API unless a public base URL is set; the API needs the functions first, hence the lazy value.
    const mailEnvironment = {
      ...tableEnvironment,
      MAIL_FROM: settings.mailFrom,
      SES_CONFIGURATION_SET: mail.configurationSet.configurationSetName,
      TOKEN_SECRET_ARN: tokenSecret.secret.secretArn,
      PUBLIC_BASE_URL: Lazy.string({ produce: () => settings.publicBaseUrl ?? api.httpApi.apiEndpoint }),
      SECRETARIAT_EMAIL: settings.secretariatEmail,
    };

    // A round of emails to every confirmed registrant, sent at SES's rate: minutes, not seconds. It schedules the
    // rest of a round too large for one invocation itself, as a job that targets its own ARN (read from the
    // invocation's context, since its own ARN in its environment would be a circular reference).
    const milestone = new ServiceFunction(this, 'Milestone', {
      name: 'milestone',
      environment: {
        ...mailEnvironment,
        ...schedulingEnvironment,
        SES_SEND_RATE: String(settings.sesSendRate),
      },
      timeout: Duration.minutes(10),
      deadLetterQueue: scheduling.deadLetterQueue,
      xrayTracing,
    });
    scheduling.allowInvoking(milestone);
    scheduling.grantCreateSchedules(milestone);

    const reviewsEnvironment = { ...schedulingEnvironment, MILESTONE_FUNCTION_ARN: milestone.functionArn };
    // The admin API tells a contribution's sender, or a request's, the secretariat's decision; an erasure cancels
    // the registration first, with the usual email and its links.
    const adminApi = new ServiceFunction(this, 'AdminApi', {
      name: 'admin-api',
      environment: { ...reviewsEnvironment, ...mailEnvironment, ...retentionEnvironment },
      xrayTracing,
    });
    const reconcile = new ServiceFunction(this, 'Reconcile', {
      name: 'reconcile',
      environment: { ...reviewsEnvironment, ...retentionEnvironment },
      timeout: Duration.minutes(2),
      xrayTracing,
    });
    const publicApi = new ServiceFunction(this, 'PublicApi', {
      name: 'public-api',
      environment: { ...mailEnvironment, ...retentionEnvironment },
      xrayTracing,
    });

    for (const fn of [milestone, adminApi, reconcile, publicApi]) data.grantReadWrite(fn);
    for (const fn of [adminApi, reconcile]) scheduling.grantManageSchedules(fn);
    for (const fn of [milestone, publicApi, adminApi]) mail.grantSendRawEmail(fn);
    for (const fn of [milestone, publicApi, adminApi]) tokenSecret.grantRead(fn);

    // SES's events about sent mail: statuses, suppressed addresses. It needs the table only.
    const mailEvents = new MailEvents(this, 'MailEvents', { configurationSet: mail.configurationSet });
    const sesEvents = new ServiceFunction(this, 'SesEvents', {
      name: 'ses-events',
      environment: tableEnvironment,
      deadLetterQueue: mailEvents.deadLetterQueue,
      xrayTracing,
    });
    data.grantReadWrite(sesEvents);
    mailEvents.deliverTo(sesEvents);

    // Schedules can be lost (a failed sync, a manual delete); the hourly pass brings the group back to the plan.
    new Rule(this, 'HourlyReconcile', {
      schedule: Schedule.rate(Duration.hours(1)),
      targets: [new LambdaFunction(reconcile)],
    });

    // The secretariat's console: what the admin API does, as pages behind the user pool's managed login.
    const consoleFn = new ServiceFunction(this, 'Console', {
      name: 'console',
      environment: {
        ...reviewsEnvironment,
        ...mailEnvironment,
        ...retentionEnvironment,
        COGNITO_USER_POOL_ID: Lazy.string({ produce: () => api.userPool.userPoolId }),
        COGNITO_CLIENT_ID: Lazy.string({ produce: () => api.consoleClient.userPoolClientId }),
        COGNITO_DOMAIN_URL: Lazy.string({ produce: () => api.authDomain.baseUrl() }),
      },
      xrayTracing,
    });
    data.grantReadWrite(consoleFn);
    scheduling.grantManageSchedules(consoleFn);
    mail.grantSendRawEmail(consoleFn);
    tokenSecret.grantRead(consoleFn);

    const api = new Api(this, 'Api', {
      handlers: { 'admin-api': adminApi, 'public-api': publicApi, console: consoleFn },
      publicBaseUrl: settings.publicBaseUrl,
      authDomainPrefix: settings.authDomainPrefix,
    });

    new Observability(this, 'Observability', {
      deadLetterQueue: scheduling.deadLetterQueue,
      mailEventsDeadLetterQueue: mailEvents.deadLetterQueue,
    });

    new CfnOutput(this, 'ApiUrl', { value: api.stage.url });
    new CfnOutput(this, 'UserPoolId', { value: api.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: api.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'ConsoleUrl', {
      value: `${settings.publicBaseUrl ?? api.httpApi.apiEndpoint}/console`,
    });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'ScheduleGroupName', { value: scheduling.group.scheduleGroupName });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: scheduling.deadLetterQueue.queueUrl });
  }
}
