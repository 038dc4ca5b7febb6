import { adminApi } from './app';
import { composeAdminApi } from './root';

export const handler = adminApi(await composeAdminApi(process.env));
