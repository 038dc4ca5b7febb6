import { adminApi } from './app';
import { composeAdminApi } from './root';

export const handler = adminApi(composeAdminApi(process.env));
