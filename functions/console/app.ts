import { withAuditTrail } from '#api/audit-trail';
import { type ConsoleDependencies, consoleActor } from '#api/console-kit';
import { CONSOLE_ROUTES } from '#api/console-routes';
import { httpFunction } from '#api/http-function';
import { maxBodySize } from '#http/body';
import type { Instrumented } from '#observability/instrumentation';

/** The console's forms are small, but for a contact list's CSV file. */
const FORM_BYTES = 16 * 1024;
/** Thousands of contacts, well within the 6 MB that Lambda takes (base64 makes a third more). */
const UPLOAD_BYTES = 4 * 1024 * 1024;
const UPLOAD_ROUTE = 'POST /console/reviews/{reviewId}/invitations';

/**
 * The secretariat's console: pages behind its own sign-in, each scoped to what the person may see; every change
 * made through it is in the audit log.
 */
export const consoleFunction = (deps: ConsoleDependencies & Instrumented) =>
  httpFunction('console', withAuditTrail('console', CONSOLE_ROUTES, consoleActor), deps, [
    maxBodySize((routeKey) => (routeKey === UPLOAD_ROUTE ? UPLOAD_BYTES : FORM_BYTES)),
  ]);
