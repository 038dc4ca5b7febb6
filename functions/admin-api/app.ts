import { ADMIN_ROUTES, type AdminApiDependencies } from '#api/admin-routes';
import { httpFunction } from '#api/http-function';
import { staffAccess } from '#api/staff-access';
import { requireStaff } from '#http/auth';

/**
 * The admin JSON API, for the secretariat and the regions' focal points: each route's scope is checked against
 * the signed-in person before its handler runs.
 */
export const adminApi = (deps: AdminApiDependencies) =>
  httpFunction('admin-api', ADMIN_ROUTES, deps, [requireStaff()], staffAccess(deps));
