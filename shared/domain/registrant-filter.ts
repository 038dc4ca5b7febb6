import * as z from 'zod';
import { parseOrThrow } from './errors';
import { attends, type Registrant } from './registrant';

/** What the console filters a review's registrants by, and a message's recipients; empty fields are ignored. */
export const RegistrantFilter = z.object({
  meeting: z.string().optional(),
  attendance: z.string().optional(),
  language: z.string().optional(),
  group: z.string().optional(),
  country: z.string().optional(),
  status: z.string().optional(),
  /** Part of a name, address or organisation, in any case. */
  q: z.string().max(100).optional(),
});
export type RegistrantFilter = z.infer<typeof RegistrantFilter>;

/** A filter from a query string or a form: fields left empty say nothing. */
export const filterOf = (given: Record<string, string | undefined>): RegistrantFilter =>
  parseOrThrow(
    RegistrantFilter,
    Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined && value !== '')),
  );

export function matchesFilter(registrant: Registrant, filter: RegistrantFilter): boolean {
  const q = filter.q?.trim().toLowerCase();
  return (
    (!filter.meeting || attends(registrant, filter.meeting)) &&
    (!filter.attendance || registrant.attendanceMode === filter.attendance) &&
    (!filter.language || registrant.language === filter.language) &&
    (!filter.group || registrant.stakeholderGroup === filter.group) &&
    (!filter.country || registrant.country === filter.country) &&
    (!filter.status || registrant.status === filter.status) &&
    (!q ||
      [registrant.name, registrant.email, registrant.organisation ?? ''].some((text) =>
        text.toLowerCase().includes(q),
      ))
  );
}
