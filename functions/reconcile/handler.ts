import { reconcile } from './app';
import { composeReconcile } from './root';

export const handler = reconcile(await composeReconcile(process.env));
