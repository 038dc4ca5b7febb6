import * as z from 'zod';

/**
 * Each function's environment, as its CDK construct sets it (`infra/consultations-stack.ts` is typed by these
 * schemas, and a test compares the synthesized template with them). A function reads it once, at start, and
 * refuses to start with a message naming each variable that is missing or wrong.
 */
const table = { TABLE_NAME: z.string().min(1) };
const scheduling = {
  SCHEDULE_GROUP: z.string().min(1),
  SCHEDULER_ROLE_ARN: z.string().startsWith('arn:'),
  SCHEDULER_DLQ_ARN: z.string().startsWith('arn:'),
};
/** What sending mail needs: the sender and the configuration set whose events come back. */
const sending = { MAIL_FROM: z.email(), SES_CONFIGURATION_SET: z.string().min(1) };
/** Where links in emails point (the public pages' base URL), and where notices for the secretariat go. */
const site = { PUBLIC_BASE_URL: z.url(), SECRETARIAT_EMAIL: z.email() };
const mail = {
  ...sending,
  ...site,
  /** The secret holding the key that signs those links. */
  TOKEN_SECRET_ARN: z.string().startsWith('arn:'),
};

/** How many months after a review its registrants' personal data is purged. */
const retention = { PURGE_AFTER_MONTHS: z.coerce.number().int().min(1).max(120) };

export const ENVIRONMENTS = {
  /** It tells a contribution's sender, or a request's, the secretariat's decision, with links to the pages. */
  'admin-api': z.object({
    ...table,
    ...scheduling,
    ...mail,
    ...retention,
    MILESTONE_FUNCTION_ARN: z.string().startsWith('arn:'),
  }),
  reconcile: z.object({
    ...table,
    ...scheduling,
    ...retention,
    MILESTONE_FUNCTION_ARN: z.string().startsWith('arn:'),
  }),
  'public-api': z.object({ ...table, ...mail, ...retention }),
  /** It schedules continuations targeting itself: its own ARN comes from each invocation's context. */
  milestone: z.object({
    ...table,
    ...mail,
    ...scheduling,
    /** The SES account's sending rate, emails per second. */
    SES_SEND_RATE: z.coerce.number().positive(),
  }),
  'ses-events': z.object(table),
  /**
   * The console: what the admin API has, the key that signs its forms' tokens, and the user pool's managed login
   * (its domain, e.g. https://<prefix>.auth.<region>.amazoncognito.com, and the console's app client).
   */
  console: z.object({
    ...table,
    ...scheduling,
    ...mail,
    ...retention,
    MILESTONE_FUNCTION_ARN: z.string().startsWith('arn:'),
    COGNITO_USER_POOL_ID: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/),
    COGNITO_CLIENT_ID: z.string().min(1),
    COGNITO_DOMAIN_URL: z.url({ protocol: /^https$/ }),
  }),
};

export type FunctionName = keyof typeof ENVIRONMENTS;

export type Environment<F extends FunctionName> = z.infer<(typeof ENVIRONMENTS)[F]>;
/** What a CDK construct must set for the function: every variable, as a string (or a token that becomes one). */
export type EnvironmentVariables<F extends FunctionName> = Record<keyof Environment<F>, string>;

export function readEnvironment<F extends FunctionName>(fn: F, env: Record<string, string | undefined>) {
  const result = ENVIRONMENTS[fn].safeParse(env);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`The ${fn} function's environment is not as its CDK construct sets it: ${problems}`);
  }
  return result.data as Environment<F>;
}
