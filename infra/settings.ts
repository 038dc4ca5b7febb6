import type { Construct } from 'constructs';
import { DEFAULT_PURGE_AFTER_MONTHS } from '#domain/retention';
import { readStage, type Stage } from './stage';

/** Deployment choices read from CDK context (`cdk.json` or `-c name=value`), with the defaults of a first deploy. */
export interface Settings {
  stage: Stage;
  mailFrom: string;
  /** Where notices of briefing requests and GCM Talk proposals go; the sender's address unless given. */
  secretariatEmail: string;
  mailDomain: string;
  /** Absent: links in emails point at the HTTP API's own endpoint. */
  publicBaseUrl: string | undefined;
  scheduleGroupName: string;
  /** The user pool's managed-login domain prefix, unique in the region. */
  authDomainPrefix: string;
  xrayTracing: boolean;
  /** The functions' log level (Powertools' `POWERTOOLS_LOG_LEVEL`): `DEBUG`, `INFO`, `WARN` or `ERROR`. */
  logLevel: LogLevel;
  /** The SES account's maximum send rate, emails per second (SES's default out of the sandbox is 14). */
  sesSendRate: number;
  /** Months after a review its registrants' personal data is purged. */
  purgeAfterMonths: number;
  /** Who the alarms tell; absent, the alarm topic has no subscriber (and synth warns). */
  operatorsEmail: string | undefined;
}

const DEFAULT_MAIL_FROM = 'consultations@example.org';
const NAME = 'gcm-consultations';

export function readSettings(scope: Construct): Settings {
  const mailFrom = contextString(scope, 'mailFrom') ?? DEFAULT_MAIL_FROM;
  const domainOfMailFrom = mailFrom.split('@')[1];
  if (!domainOfMailFrom) throw new Error(`Context mailFrom must be an email address, got "${mailFrom}"`);
  const stage = readStage(scope);
  // Names unique in an account (or, for the Cognito domain, in a region) carry the stage, so that dev and prod
  // can share an account.
  const stagedName = `${NAME}-${stage.name}`;
  return {
    stage,
    mailFrom,
    secretariatEmail: contextString(scope, 'secretariatEmail') ?? mailFrom,
    mailDomain: contextString(scope, 'mailDomain') ?? domainOfMailFrom,
    publicBaseUrl: contextString(scope, 'publicBaseUrl')?.replace(/\/+$/, ''),
    scheduleGroupName: contextString(scope, 'scheduleGroupName') ?? stagedName,
    authDomainPrefix: contextString(scope, 'authDomainPrefix') ?? stagedName,
    sesSendRate: Number(scope.node.tryGetContext('sesSendRate') ?? 14),
    purgeAfterMonths: Number(scope.node.tryGetContext('purgeAfterMonths') ?? DEFAULT_PURGE_AFTER_MONTHS),
    // `-c xrayTracing=true` arrives as a string, cdk.json as a boolean.
    xrayTracing: String(scope.node.tryGetContext('xrayTracing')) === 'true',
    logLevel: readLogLevel(contextString(scope, 'logLevel') ?? 'INFO'),
    operatorsEmail: contextString(scope, 'operatorsEmail'),
  };
}

const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function readLogLevel(value: string): LogLevel {
  const level = value.toUpperCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new Error(`Context logLevel must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return level as LogLevel;
}

function contextString(scope: Construct, name: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(name);
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${name} must be a string`);
  return value;
}
