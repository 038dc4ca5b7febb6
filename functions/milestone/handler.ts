import { milestone } from './app';
import { composeMilestone } from './root';

export const handler = milestone(await composeMilestone(process.env));
