import { ADMIN_ROUTES, type AdminApiDependencies } from '#api/admin-routes';
import { withAuditTrail } from '#api/audit-trail';
import { httpFunction } from '#api/http-function';
import { staffAccess } from '#api/staff-access';
import { principalFromEvent, requireStaff } from '#http/auth';
import type { Instrumented } from '#observability/instrumentation';

/**
 * The admin JSON API, for the secretariat and the regions' focal points: each route's scope is checked against
 * the signed-in person before its handler runs, and every change it makes is in the audit log.
 */
export const adminApi = (deps: AdminApiDependencies & Instrumented) =>
  httpFunction(
    'admin-api',
    withAuditTrail('admin-api', ADMIN_ROUTES, async (event) => principalFromEvent(event)),
    deps,
    [requireStaff()],
    staffAccess(deps),
  );
