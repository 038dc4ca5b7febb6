import { announcementStore } from './announcements';
import { auditStore } from './audit';
import { calendarStore } from './calendar';
import { changeStore } from './changes-to-tell';
import { contributionStore } from './contributions';
import { deliveryStore } from './deliveries';
import { invitationReminderStore } from './invitation-reminders';
import { invitationStore } from './invitations';
import { organisationStore } from './organisations';
import { personalDataStore } from './personal-data';
import { rateLimitStore } from './rate-limits';
import { registrantStore } from './registrants';
import { requestStore } from './requests';
import { reviewStore } from './reviews';
import { roundStore } from './rounds';
import { seatStore } from './seats';
import { suppressionStore } from './suppressions';
import type { Table } from './table';
import { uploadRowsStore } from './upload-rows';

/** Every record the service keeps, by kind, all in the one table. */
export function createStore(table: Table) {
  return {
    table,
    reviews: reviewStore(table),
    registrants: registrantStore(table),
    organisations: organisationStore(table),
    seats: seatStore(table),
    invitations: invitationStore(table),
    uploadRows: uploadRowsStore(table),
    invitationReminders: invitationReminderStore(table),
    calendar: calendarStore(table),
    changes: changeStore(table),
    contributions: contributionStore(table),
    requests: requestStore(table),
    announcements: announcementStore(table),
    audit: auditStore(table),
    deliveries: deliveryStore(table),
    rounds: roundStore(table),
    suppressions: suppressionStore(table),
    rateLimits: rateLimitStore(table),
    personalData: personalDataStore(table),
  };
}

export type Store = ReturnType<typeof createStore>;
