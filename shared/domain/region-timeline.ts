import { dateBounds } from './date-spec';
import { REGIONS } from './regions';
import type { Review } from './review';

/**
 * The regional reviews as the seed's timeline table lists them: a table per round (the earliest round first, the
 * reviews of no round as one), a row per review in the table's order of regions (Europe, Africa, the Arab region,
 * Latin America and the Caribbean, Asia-Pacific), a region's reviews in date order.
 */
export function regionRounds<R extends { review: Pick<Review, 'kind' | 'region' | 'cycle' | 'date'> }>(
  rows: R[],
): { cycle: string | null; rows: R[] }[] {
  const earliest = (row: R) => dateBounds(row.review.date).earliest;
  const regional = rows
    .filter((row) => row.review.kind === 'regional-review' && row.review.region)
    .sort((a, b) => earliest(a).localeCompare(earliest(b)));
  const cycles = [...new Set(regional.map((row) => row.review.cycle ?? null))];
  const regionIndex = (row: R) => REGIONS.indexOf(row.review.region as (typeof REGIONS)[number]);
  return cycles.map((cycle) => ({
    cycle,
    rows: regional
      .filter((row) => (row.review.cycle ?? null) === cycle)
      .sort((a, b) => regionIndex(a) - regionIndex(b) || earliest(a).localeCompare(earliest(b))),
  }));
}
