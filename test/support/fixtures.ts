import { test as base } from 'vitest';
import { type LocalRuntimeOptions, startLocalRuntime } from '#local/runtime';
import { ADMIN_TOKEN, ServiceClient } from './service-client';

/**
 * Tests that run against the whole service: each test gets its own local runtime (in memory, on free ports),
 * started before it and closed after it, so that no test sees what another did. `runtimeOptions` changes how
 * the runtime starts for a `describe` block (`test.override('runtimeOptions', {...})`); `runtimeLog` holds the
 * lines the runtime and the functions logged; `api` is a client of its HTTP API.
 */
export const test = base
  .extend('runtimeOptions', {} as Partial<LocalRuntimeOptions>)
  .extend('runtimeLog', () => [] as string[])
  .extend('runtime', async ({ runtimeOptions, runtimeLog }, { onCleanup }) => {
    const runtime = await startLocalRuntime({
      port: 0,
      adminToken: ADMIN_TOKEN,
      log: (line) => runtimeLog.push(line),
      ...runtimeOptions,
    });
    onCleanup(() => runtime.close());
    return runtime;
  })
  .extend('api', ({ runtime }) => new ServiceClient(runtime.apiUrl));

export { describe, expect } from 'vitest';
