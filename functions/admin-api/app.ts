import { ADMIN_ROUTES, type AdminApiDependencies } from '#api/admin-routes';
import { httpFunction } from '#api/http-function';
import { requireGroup } from '#http/auth';

/** The secretariat's JSON API, for members of the secretariat group only. */
export const adminApi = (deps: AdminApiDependencies) =>
  httpFunction('admin-api', ADMIN_ROUTES, deps, [requireGroup('secretariat')]);
