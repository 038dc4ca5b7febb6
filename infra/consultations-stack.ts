import { Aws, CfnOutput, Duration, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import { Alarms } from './alarms';
import { Api } from './api';
import { Dashboard } from './dashboard';
import { Data } from './data';
import { Logs } from './logs';
import { Mail } from './mail';
import { MailEvents } from './mail-events';
import { Scheduling } from './scheduling';
import { ServiceFunction } from './service-function';
import { readSettings } from './settings';
import { TokenSecret } from './token-secret';

/** The whole service in one environment-agnostic stack: no account or region is fixed here. */
export class ConsultationsStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const settings = readSettings(this);
    const { stage } = settings;
    const data = new Data(this, 'Data', { stage });
    const { table } = data;
    const mail = new Mail(this, 'Mail', { mailFrom: settings.mailFrom, mailDomain: settings.mailDomain });
    const tokenSecret = new TokenSecret(this, 'TokenSecret', { stage });
    const scheduling = new Scheduling(this, 'Scheduling', { scheduleGroupName: settings.scheduleGroupName });
    const logs = new Logs(this, 'Logs', { stage });
    const { xrayTracing, logLevel } = settings;

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
    // One invocation at a time: each paces itself at the account's rate, so rounds that fire together take turns.
    // Scheduler invokes it asynchronously: an invocation past the one running waits in Lambda's queue, retried
    // for up to six hours, then goes to the dead-letter queue (docs/delivery.md).
    const milestone = new ServiceFunction(this, 'Milestone', {
      name: 'milestone',
      environment: {
        ...mailEnvironment,
        ...schedulingEnvironment,
        SES_SEND_RATE: String(settings.sesSendRate),
      },
      timeout: Duration.minutes(10),
      deadLetterQueue: scheduling.deadLetterQueue,
      reservedConcurrency: 1,
      xrayTracing,
      logLevel,
      logs,
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
      logLevel,
      logs,
    });
    const reconcile = new ServiceFunction(this, 'Reconcile', {
      name: 'reconcile',
      environment: { ...reviewsEnvironment, ...retentionEnvironment },
      timeout: Duration.minutes(2),
      xrayTracing,
      logLevel,
      logs,
    });
    const publicApi = new ServiceFunction(this, 'PublicApi', {
      name: 'public-api',
      environment: { ...mailEnvironment, ...retentionEnvironment },
      xrayTracing,
      logLevel,
      logs,
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
      logLevel,
      logs,
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
      logLevel,
      logs,
    });
    data.grantReadWrite(consoleFn);
    scheduling.grantManageSchedules(consoleFn);
    mail.grantSendRawEmail(consoleFn);
    tokenSecret.grantRead(consoleFn);

    const api = new Api(this, 'Api', {
      handlers: { 'admin-api': adminApi, 'public-api': publicApi, console: consoleFn },
      publicBaseUrl: settings.publicBaseUrl,
      authDomainPrefix: settings.authDomainPrefix,
      stage,
      logs,
    });

    const functions = [adminApi, publicApi, consoleFn, milestone, reconcile, sesEvents];
    const alarms = new Alarms(this, 'Alarms', {
      namePrefix: this.stackName,
      operatorsEmail: settings.operatorsEmail,
    });
    for (const fn of functions.filter((fn) => fn !== milestone)) alarms.onFunction(fn);
    alarms.onTakingTurns(milestone);
    alarms.onHttpApi(api.httpApi);
    alarms.onDeadLetters(
      'milestone-dead-letters',
      scheduling.deadLetterQueue,
      'Milestone firings failed (Scheduler could not invoke, or the milestone function failed three times): ' +
        'a round of emails did not go out. They wait in the dead-letter queue.',
    );
    alarms.onDeadLetters(
      'ses-events-dead-letters',
      mailEvents.deadLetterQueue,
      'SES events (bounces, complaints) were not recorded: an address may go on being sent to. They wait in ' +
        'their dead-letter queue.',
    );
    alarms.onSesReputation();
    alarms.onScheduleGroup(scheduling.group);
    const dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: this.stackName,
      alarms: alarms.all,
      functions,
      httpApi: api.httpApi,
      scheduleGroup: scheduling.group,
      deadLetterQueues: [
        { label: 'milestone firings', queue: scheduling.deadLetterQueue },
        { label: 'SES events', queue: mailEvents.deadLetterQueue },
      ],
      table,
    });

    new CfnOutput(this, 'ApiUrl', { value: api.stage.url });
    new CfnOutput(this, 'ApiId', { value: api.httpApi.apiId });
    new CfnOutput(this, 'UserPoolId', { value: api.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: api.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'ConsoleUrl', {
      value: `${settings.publicBaseUrl ?? api.httpApi.apiEndpoint}/console`,
    });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'ScheduleGroupName', { value: scheduling.group.scheduleGroupName });
    // A dead letter is replayed by invoking its function with the message's body (docs/operations.md).
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: scheduling.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'MilestoneFunctionName', { value: milestone.functionName });
    new CfnOutput(this, 'SesEventsDeadLetterQueueUrl', { value: mailEvents.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'SesEventsFunctionName', { value: sesEvents.functionName });
    new CfnOutput(this, 'TokenSecretArn', { value: tokenSecret.secret.secretArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
    new CfnOutput(this, 'DashboardUrl', {
      value: `https://${Aws.REGION}.console.aws.amazon.com/cloudwatch/home?region=${Aws.REGION}#dashboards/dashboard/${dashboard.dashboard.dashboardName}`,
    });
    // The CNAME records that verify the sending domain and sign its mail (Easy DKIM), to publish in its DNS.
    const { identity } = mail;
    const dkim = [
      [identity.dkimDnsTokenName1, identity.dkimDnsTokenValue1],
      [identity.dkimDnsTokenName2, identity.dkimDnsTokenValue2],
      [identity.dkimDnsTokenName3, identity.dkimDnsTokenValue3],
    ];
    dkim.forEach(([name, value], index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, { value: `${name} CNAME ${value}` });
    });
  }
}
