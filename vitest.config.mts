import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests run the TypeScript sources, never stale compiled output beside them.
    extensions: ['.ts', '.mjs', '.js', '.json'],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        // Live tests measure failover and run real HAProxy, keepalived, dcmtk and OpenTofu:
        // one file at a time, so that one file's load does not skew another's timing.
        extends: true,
        test: { name: 'live', include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts', 'examples/**/*.test.ts'], fileParallelism: false },
      },
    ],
  },
});
