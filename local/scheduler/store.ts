import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DeadLetter, GroupRecord, ScheduleRecord } from './model';

export const DEFAULT_GROUP = 'default';
const FILE_NAME = 'scheduler.json';
const FORMAT_VERSION = 1;

interface StoreFile {
  version: typeof FORMAT_VERSION;
  groups: GroupRecord[];
  schedules: ScheduleRecord[];
  deadLetters: DeadLetter[];
}

/**
 * Schedules, groups and dead letters, in memory and, with a data folder, in one JSON file rewritten on every
 * change. Records are never mutated in place: every save replaces the record, so a holder of an old record can
 * tell by identity that the schedule changed meanwhile.
 */
export class SchedulerStore {
  private readonly groups = new Map<string, GroupRecord>();
  private readonly schedules = new Map<string, ScheduleRecord>();
  private readonly letters: DeadLetter[] = [];

  private constructor(private readonly filePath: string | undefined) {}

  /** `now` dates the `default` group when it is first created. */
  static open(options: { dataDir?: string; now: Date }): SchedulerStore {
    const filePath = options.dataDir === undefined ? undefined : join(options.dataDir, FILE_NAME);
    const store = new SchedulerStore(filePath);
    if (filePath && existsSync(filePath)) store.load(filePath);
    if (!store.groups.has(DEFAULT_GROUP)) {
      const created = options.now.toISOString();
      store.saveGroup({ name: DEFAULT_GROUP, creationDate: created, lastModificationDate: created });
    }
    return store;
  }

  group(name: string): GroupRecord | undefined {
    return this.groups.get(name);
  }

  allGroups(): GroupRecord[] {
    return [...this.groups.values()].sort((a, b) => compareText(a.name, b.name));
  }

  saveGroup(group: GroupRecord): void {
    this.groups.set(group.name, group);
    this.persist();
  }

  /** Deleting a group deletes its schedules, as AWS does. */
  removeGroup(name: string): void {
    this.groups.delete(name);
    for (const record of this.schedules.values()) {
      if (record.groupName === name) this.schedules.delete(scheduleKey(record.groupName, record.name));
    }
    this.persist();
  }

  schedule(groupName: string, name: string): ScheduleRecord | undefined {
    return this.schedules.get(scheduleKey(groupName, name));
  }

  /** Sorted by group, then name: the file stays stable, and schedules due at the same time fire in this order. */
  allSchedules(): ScheduleRecord[] {
    return [...this.schedules.values()].sort(
      (a, b) => compareText(a.groupName, b.groupName) || compareText(a.name, b.name),
    );
  }

  saveSchedule(record: ScheduleRecord): void {
    this.schedules.set(scheduleKey(record.groupName, record.name), record);
    this.persist();
  }

  removeSchedule(groupName: string, name: string): void {
    this.schedules.delete(scheduleKey(groupName, name));
    this.persist();
  }

  addDeadLetter(letter: DeadLetter): void {
    this.letters.push(letter);
    this.persist();
  }

  deadLetters(): DeadLetter[] {
    return [...this.letters];
  }

  private load(filePath: string): void {
    const content = JSON.parse(readFileSync(filePath, 'utf8')) as Partial<StoreFile> | null;
    if (
      content?.version !== FORMAT_VERSION ||
      !Array.isArray(content.groups) ||
      !Array.isArray(content.schedules) ||
      !Array.isArray(content.deadLetters)
    ) {
      throw new Error(`${filePath} is not a local scheduler data file (format version ${FORMAT_VERSION})`);
    }
    for (const group of content.groups) this.groups.set(group.name, group);
    for (const record of content.schedules)
      this.schedules.set(scheduleKey(record.groupName, record.name), record);
    this.letters.push(...content.deadLetters);
  }

  private persist(): void {
    if (!this.filePath) return;
    const content: StoreFile = {
      version: FORMAT_VERSION,
      groups: this.allGroups(),
      schedules: this.allSchedules(),
      deadLetters: this.letters,
    };
    mkdirSync(dirname(this.filePath), { recursive: true });
    // Synchronous write then rename: writes never interleave, and a crash never leaves a truncated file.
    const temporary = `${this.filePath}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`);
    renameSync(temporary, this.filePath);
  }
}

function scheduleKey(groupName: string, name: string): string {
  return `${groupName}/${name}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
