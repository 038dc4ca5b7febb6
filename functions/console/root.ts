import type { ConsoleDependencies } from '#api/console-kit';
import { EXPORT_PART_ROWS } from '#api/export-file';
import { cognitoSignIn } from '#aws/cognito-sign-in';
import { dynamoStore, mailingOf, retentionOf, schedulerInvoking, sesMailerOf } from '#config/aws-adapters';
import { readEnvironment } from '#config/environment';
import type { Instrumented } from '#observability/instrumentation';
import { powertoolsTelemetry } from '#observability/powertools';
import { DEFAULT_SEND_RATE } from '#services/delivery-round';
import { systemClock } from '#services/dependencies';

/** The console's adapters in AWS, from its environment. */
export async function composeConsole(
  env: Record<string, string | undefined>,
): Promise<ConsoleDependencies & Instrumented> {
  const settings = readEnvironment('console', env);
  const { traced, ...observability } = await powertoolsTelemetry('console');
  const { signingKey, site, sending } = mailingOf(settings, DEFAULT_SEND_RATE, traced);
  return {
    store: dynamoStore(settings, traced),
    scheduler: schedulerInvoking(settings, traced)(settings.MILESTONE_FUNCTION_ARN),
    mailer: sesMailerOf(settings, traced),
    clock: systemClock,
    ...observability,
    signingKey,
    site,
    sending,
    retention: retentionOf(settings),
    exportPartRows: EXPORT_PART_ROWS,
    signIn: cognitoSignIn({
      domainUrl: settings.COGNITO_DOMAIN_URL,
      userPoolId: settings.COGNITO_USER_POOL_ID,
      clientId: settings.COGNITO_CLIENT_ID,
    }),
  };
}
