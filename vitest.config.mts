import { configDefaults, defineConfig } from 'vitest/config';

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
        // examples/new-project/ is a separate project (its own package.json): test/e2e/new-project.test.ts
        // runs its test there, after installing the packed library into a copy of it.
        test: {
          name: 'live',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts', 'examples/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'examples/new-project/**'],
          fileParallelism: false,
        },
      },
    ],
  },
});
