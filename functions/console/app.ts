import { withAuditTrail } from '#api/audit-trail';
import { CONSOLE_ROUTES, type ConsoleDependencies, consoleActor } from '#api/console-routes';
import { httpFunction } from '#api/http-function';
import { maxBodySize } from '#http/body';

/** The console's forms are small. */
const FORM_BYTES = 16 * 1024;

/**
 * The secretariat's console: pages behind its own sign-in, each scoped to what the person may see; every change
 * made through it is in the audit log.
 */
export const consoleFunction = (deps: ConsoleDependencies) =>
  httpFunction('console', withAuditTrail('console', CONSOLE_ROUTES, consoleActor), deps, [
    maxBodySize(() => FORM_BYTES),
  ]);
