import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The tests wait on in-process servers and child processes more than they compute: a worker more than the
    // two cores CI has keeps both busy.
    maxWorkers: 3,
    // Each file imports most of the service; importing it once per worker rather than once per file saves minutes.
    // Files share nothing else: each test starts its own runtime, and the files that mock an AWS client class
    // restore it.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
