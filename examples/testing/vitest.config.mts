import { defineConfig } from 'vitest/config';

// A user's test suite: it imports `cdktf-pacs-lb` and `cdktf-pacs-lb/testing` by name, which
// this repository resolves to itself through package.json `exports` (build first: npm run build).
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    testTimeout: 30_000,
  },
});
