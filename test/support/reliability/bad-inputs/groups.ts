import { adminCases } from './admin-cases';
import type { BadInput } from './cases';
import { consoleCases } from './console-cases';
import { publicCases } from './public-cases';
import type { World } from './world';

/** The route groups, each a table of bad inputs: one test each, and one line each in the bench. */
export const GROUPS: Record<string, (world: World) => BadInput[]> = {
  'the admin API': adminCases,
  'the public API and its pages': publicCases,
  'the console': consoleCases,
};
