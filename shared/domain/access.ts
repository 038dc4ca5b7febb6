import { REGIONS, Region } from './regions';
import type { ReviewKind } from './review';

/**
 * Who may see and change what, from the groups a signed-in person belongs to (Cognito groups in AWS, the local
 * sign-in's on a laptop): the secretariat everything; a region's focal points (`region-<id>`) their region's
 * reviews, registrants, contributions and requests, and the global consultations of their region, read only.
 */
export const SECRETARIAT_GROUP = 'secretariat';
export const REGION_GROUP_PREFIX = 'region-';
export const regionGroup = (region: Region) => `${REGION_GROUP_PREFIX}${region}`;
/** Every group the service knows, as the user pool has them. */
export const STAFF_GROUPS = [SECRETARIAT_GROUP, ...REGIONS.map(regionGroup)];

export interface Principal {
  /** The user's stable id (the token's `sub`). */
  subject: string;
  email?: string;
  secretariat: boolean;
  /** The regions whose focal point they are. */
  regions: Region[];
}

export function principalOf(subject: string, email: string | undefined, groups: string[]): Principal {
  const regions = groups.flatMap((group) => {
    if (!group.startsWith(REGION_GROUP_PREFIX)) return [];
    const region = Region.safeParse(group.slice(REGION_GROUP_PREFIX.length));
    return region.success ? [region.data] : [];
  });
  return {
    subject,
    ...(email ? { email } : {}),
    secretariat: groups.includes(SECRETARIAT_GROUP),
    regions,
  };
}

/** Staff: the secretariat, or a focal point of a region at least. */
export const isStaff = (principal: Principal) => principal.secretariat || principal.regions.length > 0;

/** What access is judged by: a record's kind and the regions it is for or about. */
export interface Scoped {
  kind?: ReviewKind;
  region?: Region;
  regions?: Region[];
}

const regionsOfRecord = (record: Scoped): Region[] =>
  record.regions ?? (record.region ? [record.region] : []);
const within = (principal: Principal, regions: Region[]) =>
  regions.length > 0 && regions.every((region) => principal.regions.includes(region));

/** A record is seen by the secretariat, and by the focal points of any of its regions. */
export function canRead(principal: Principal, record: Scoped): boolean {
  if (principal.secretariat) return true;
  return regionsOfRecord(record).some((region) => principal.regions.includes(region));
}

/**
 * A record is changed by the secretariat; by a focal point when it is their region's own (a regional review, or
 * a briefing or GCM Talk about their regions only), never a global consultation, which several regions share.
 */
export function canWrite(principal: Principal, record: Scoped): boolean {
  if (principal.secretariat) return true;
  if (record.kind === 'global-consultation') return false;
  return within(principal, regionsOfRecord(record));
}
