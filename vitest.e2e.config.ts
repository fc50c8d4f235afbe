import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers with the built extension: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
