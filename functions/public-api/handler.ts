import { publicApi } from './app';
import { composePublicApi } from './root';

export const handler = publicApi(await composePublicApi(process.env));
