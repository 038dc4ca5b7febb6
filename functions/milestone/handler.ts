import { milestone } from './app';
import { composeMilestone } from './root';

export const handler = milestone(composeMilestone(process.env));
