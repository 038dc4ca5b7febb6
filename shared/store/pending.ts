import { epochSeconds } from '#domain/tokens';

/**
 * A pending item (a registration or a contribution awaiting its confirmation link) lapses at `expiresAt`: it
 * counts as absent from then on, whether or not DynamoDB's TTL has removed it yet (dynalite never does).
 */
export const isLive = (item: Record<string, unknown>, now: Date): boolean =>
  item.status !== 'pending' || typeof item.expiresAt !== 'number' || item.expiresAt > epochSeconds(now);
