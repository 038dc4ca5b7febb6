import type { Construct } from 'constructs';
import { DEFAULT_PURGE_AFTER_MONTHS } from '#domain/retention';

/** Deployment choices read from CDK context (`cdk.json` or `-c name=value`), with the defaults of a first deploy. */
export interface Settings {
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
  /** The SES account's maximum send rate, emails per second (SES's default out of the sandbox is 14). */
  sesSendRate: number;
  /** Months after a review its registrants' personal data is purged. */
  purgeAfterMonths: number;
}

const DEFAULT_MAIL_FROM = 'consultations@example.org';
const DEFAULT_SCHEDULE_GROUP_NAME = 'gcm-consultations';

export function readSettings(scope: Construct): Settings {
  const mailFrom = contextString(scope, 'mailFrom') ?? DEFAULT_MAIL_FROM;
  const domainOfMailFrom = mailFrom.split('@')[1];
  if (!domainOfMailFrom) throw new Error(`Context mailFrom must be an email address, got "${mailFrom}"`);
  return {
    mailFrom,
    secretariatEmail: contextString(scope, 'secretariatEmail') ?? mailFrom,
    mailDomain: contextString(scope, 'mailDomain') ?? domainOfMailFrom,
    publicBaseUrl: contextString(scope, 'publicBaseUrl')?.replace(/\/+$/, ''),
    scheduleGroupName: contextString(scope, 'scheduleGroupName') ?? DEFAULT_SCHEDULE_GROUP_NAME,
    authDomainPrefix: contextString(scope, 'authDomainPrefix') ?? DEFAULT_SCHEDULE_GROUP_NAME,
    sesSendRate: Number(scope.node.tryGetContext('sesSendRate') ?? 14),
    purgeAfterMonths: Number(scope.node.tryGetContext('purgeAfterMonths') ?? DEFAULT_PURGE_AFTER_MONTHS),
    // `-c xrayTracing=true` arrives as a string, cdk.json as a boolean.
    xrayTracing: String(scope.node.tryGetContext('xrayTracing')) === 'true',
  };
}

function contextString(scope: Construct, name: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(name);
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${name} must be a string`);
  return value;
}
