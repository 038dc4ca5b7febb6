import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One runtime per data folder: dynalite's LevelDB allows a single process, and fails late and obscurely when a
 * second one opens it. A pid file names the holder; one left by a process that has died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'runtime.pid');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder !== process.pid && isAlive(holder))
      throw new Error(`${dataDir} is in use by another local runtime (process ${holder})`);
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
