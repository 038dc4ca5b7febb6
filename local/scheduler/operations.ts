import { scheduleArn, scheduleGroupArn } from './arn';
import { conflictError, notFoundError, validationError } from './errors';
import type { GroupRecord, ScheduleRecord } from './model';
import { DEFAULT_GROUP, type SchedulerStore } from './store';
import {
  type ListInput,
  type ValidatedSchedule,
  validateListInput,
  validateName,
  validateScheduleRequest,
} from './validation';

export interface OperationsContext {
  store: SchedulerStore;
  /** The local clock: creation and modification dates follow the emulated time, not the real one. */
  now: () => Date;
  log: (line: string) => void;
}

const DEFAULT_PAGE_SIZE = 100;

/**
 * The Scheduler API operations, free of HTTP: each takes the request members and returns the response body,
 * or throws a SchedulerApiError. Responses carry timestamps as epoch seconds, as restJson1 does by default.
 */
export class SchedulerOperations {
  constructor(private readonly context: OperationsContext) {}

  createSchedule(name: string, body: unknown): { ScheduleArn: string } {
    const request = validateScheduleRequest(name, body);
    this.requireGroup(request.groupName);
    const existing = this.context.store.schedule(request.groupName, name);
    if (existing) {
      // The SDK retries a timed-out create with the same client token; AWS answers it as a success.
      if (request.clientToken !== undefined && existing.clientToken === request.clientToken) {
        return { ScheduleArn: scheduleArn(existing.groupName, existing.name) };
      }
      throw conflictError(`Schedule ${name} already exists.`);
    }
    const now = this.context.now().toISOString();
    return this.save(name, request, { clientToken: request.clientToken, creationDate: now }, 'created');
  }

  updateSchedule(name: string, body: unknown): { ScheduleArn: string } {
    const request = validateScheduleRequest(name, body);
    this.requireGroup(request.groupName);
    const existing = this.requireSchedule(request.groupName, name);
    return this.save(name, request, existing, 'updated');
  }

  getSchedule(name: string, groupName: string | null): Record<string, unknown> {
    const record = this.findSchedule(name, groupName);
    const { definition } = record;
    return {
      Arn: scheduleArn(record.groupName, record.name),
      GroupName: record.groupName,
      Name: record.name,
      ScheduleExpression: definition.ScheduleExpression,
      ScheduleExpressionTimezone: definition.ScheduleExpressionTimezone,
      StartDate: epochSeconds(definition.StartDate),
      EndDate: epochSeconds(definition.EndDate),
      Description: definition.Description,
      State: definition.State,
      CreationDate: epochSeconds(record.creationDate),
      LastModificationDate: epochSeconds(record.lastModificationDate),
      KmsKeyArn: definition.KmsKeyArn,
      Target: definition.Target,
      FlexibleTimeWindow: definition.FlexibleTimeWindow,
      ActionAfterCompletion: definition.ActionAfterCompletion,
    };
  }

  deleteSchedule(name: string, groupName: string | null): Record<string, never> {
    const record = this.findSchedule(name, groupName);
    this.context.store.removeSchedule(record.groupName, record.name);
    return {};
  }

  listSchedules(query: URLSearchParams): { Schedules: Record<string, unknown>[]; NextToken?: string } {
    const input = validateListInput(query);
    const matching = this.context.store
      .allSchedules()
      .filter(
        (record) =>
          (input.ScheduleGroup === undefined || record.groupName === input.ScheduleGroup) &&
          (input.NamePrefix === undefined || record.name.startsWith(input.NamePrefix)) &&
          (input.State === undefined || record.definition.State === input.State),
      );
    const page = paginate(matching, (record) => `${record.groupName}/${record.name}`, input);
    return {
      Schedules: page.items.map((record) => ({
        Arn: scheduleArn(record.groupName, record.name),
        Name: record.name,
        GroupName: record.groupName,
        State: record.definition.State,
        CreationDate: epochSeconds(record.creationDate),
        LastModificationDate: epochSeconds(record.lastModificationDate),
        Target: { Arn: record.definition.Target.Arn },
      })),
      NextToken: page.nextToken,
    };
  }

  createScheduleGroup(name: string): { ScheduleGroupArn: string } {
    validateName(name);
    if (this.context.store.group(name)) throw conflictError(`Schedule group ${name} already exists.`);
    const now = this.context.now().toISOString();
    this.context.store.saveGroup({ name, creationDate: now, lastModificationDate: now });
    return { ScheduleGroupArn: scheduleGroupArn(name) };
  }

  getScheduleGroup(name: string): Record<string, unknown> {
    validateName(name);
    return describeGroup(this.requireGroup(name));
  }

  deleteScheduleGroup(name: string): Record<string, never> {
    validateName(name);
    if (name === DEFAULT_GROUP) throw validationError('The default schedule group cannot be deleted.');
    this.requireGroup(name);
    this.context.store.removeGroup(name);
    return {};
  }

  listScheduleGroups(query: URLSearchParams): {
    ScheduleGroups: Record<string, unknown>[];
    NextToken?: string;
  } {
    const input = validateListInput(query);
    const matching = this.context.store
      .allGroups()
      .filter((group) => input.NamePrefix === undefined || group.name.startsWith(input.NamePrefix));
    const page = paginate(matching, (group) => group.name, input);
    return { ScheduleGroups: page.items.map(describeGroup), NextToken: page.nextToken };
  }

  private save(
    name: string,
    request: ValidatedSchedule,
    kept: { clientToken?: string; creationDate: string },
    verb: 'created' | 'updated',
  ): { ScheduleArn: string } {
    const now = this.context.now();
    const record: ScheduleRecord = {
      name,
      groupName: request.groupName,
      definition: request.definition,
      kind: request.kind,
      fireAt: request.fireAt?.toISOString(),
      // An update re-arms the schedule: the new definition is what fires, whatever the old one did.
      firing: { status: 'waiting' },
      clientToken: kept.clientToken,
      creationDate: kept.creationDate,
      lastModificationDate: now.toISOString(),
    };
    this.context.store.saveSchedule(record);
    this.context.log(`${verb} ${record.groupName}/${name}: ${describeFiring(record, now)}`);
    return { ScheduleArn: scheduleArn(record.groupName, name) };
  }

  private findSchedule(name: string, groupName: string | null): ScheduleRecord {
    validateName(name);
    const group = groupName ?? DEFAULT_GROUP;
    validateName(group, 'GroupName');
    this.requireGroup(group);
    return this.requireSchedule(group, name);
  }

  private requireGroup(name: string): GroupRecord {
    const group = this.context.store.group(name);
    if (!group) throw notFoundError(`Schedule group ${name} does not exist.`);
    return group;
  }

  private requireSchedule(groupName: string, name: string): ScheduleRecord {
    const record = this.context.store.schedule(groupName, name);
    if (!record) throw notFoundError(`Schedule ${name} does not exist.`);
    return record;
  }
}

function describeFiring(record: ScheduleRecord, now: Date): string {
  if (record.fireAt === undefined) {
    return `${record.kind}() schedules are stored but never fire in the local emulator (only at() does)`;
  }
  if (record.definition.State === 'DISABLED') return `disabled, would fire at ${record.fireAt}`;
  const overdue = new Date(record.fireAt) <= now ? ' (already due: fires on the next run)' : '';
  return `fires at ${record.fireAt}${overdue}`;
}

function describeGroup(group: GroupRecord): Record<string, unknown> {
  return {
    Arn: scheduleGroupArn(group.name),
    Name: group.name,
    State: 'ACTIVE',
    CreationDate: epochSeconds(group.creationDate),
    LastModificationDate: epochSeconds(group.lastModificationDate),
  };
}

/** The token names the last key returned, so pages stay consistent while items are added or removed. */
function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  input: ListInput,
): { items: T[]; nextToken?: string } {
  const after = input.NextToken === undefined ? undefined : decodeToken(input.NextToken);
  const remaining = items
    .map((item) => ({ item, key: keyOf(item) }))
    .filter(({ key }) => after === undefined || key > after)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const page = remaining.slice(0, input.MaxResults ?? DEFAULT_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map(({ item }) => item),
    nextToken: remaining.length > page.length && last !== undefined ? encodeToken(last.key) : undefined,
  };
}

function encodeToken(key: string): string {
  return Buffer.from(JSON.stringify({ after: key })).toString('base64url');
}

function decodeToken(token: string): string {
  let after: unknown;
  try {
    after = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')).after;
  } catch {
    after = undefined;
  }
  if (typeof after !== 'string') {
    throw validationError('Invalid NextToken: pass the NextToken of a previous response unchanged.');
  }
  return after;
}

function epochSeconds(iso: string | undefined): number | undefined {
  return iso === undefined ? undefined : new Date(iso).getTime() / 1000;
}
