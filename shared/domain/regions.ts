import * as z from 'zod';

/** The five regions of the GCM regional reviews, as the UN Network on Migration names them. */
export const REGIONS = ['europe', 'africa', 'arab', 'lac', 'asia-pacific'] as const;

export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;

export const REGION_NAMES: Record<Region, string> = {
  europe: 'Europe',
  africa: 'Africa',
  arab: 'Arab region',
  lac: 'Latin America and the Caribbean',
  'asia-pacific': 'Asia-Pacific',
};

/** Asia-Pacific holds two separate pre-consultations feeding one multi-stakeholder consultation (the seed). */
export const DEFAULT_PRE_CONSULTATIONS: Record<Region, number> = {
  europe: 1,
  africa: 1,
  arab: 1,
  lac: 1,
  'asia-pacific': 2,
};
