import { ADMIN_ROUTES, type AdminApiDependencies } from '../../shared/api/admin-routes';
import { requireGroup } from '../../shared/http/auth';
import { httpFunction } from '../../shared/http/http-function';

/** The secretariat's JSON API, for members of the secretariat group only. */
export const adminApi = (deps: AdminApiDependencies) =>
  httpFunction('admin-api', ADMIN_ROUTES, deps, [requireGroup('secretariat')]);
