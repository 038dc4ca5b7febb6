import { type ChildProcess, spawn } from 'node:child_process';
import { ADMIN_TOKEN, ServiceClient } from './service-client';

/** The tests that run `npm start` in processes of their own, which take their time on a busy machine. */
export const SPAWNED = { timeout: 120_000 };

/** `npm start`'s own entry point, in a child process, on a free port; in memory unless given a data folder. */
export async function spawnService(
  dataDir?: string,
  env: Record<string, string> = {},
): Promise<{
  client: ServiceClient;
  output: () => string;
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}> {
  const args = dataDir ? [] : ['--memory'];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', ...args], {
    env: { ...process.env, PORT: '0', ADMIN_TOKEN, ...(dataDir ? { LOCAL_DATA_DIR: dataDir } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const apiUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const url = /HTTP API\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    child.once('exit', (code) => reject(new Error(`the service exited with ${code}:\n${output}`)));
  });
  return {
    client: new ServiceClient(apiUrl),
    output: () => output,
    /** As a crash would: no chance to close anything. */
    kill: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
