import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers with the built extension: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // In CI a failed test is run once more, and the report shows it as retried: two rare
    // intermittent failures were seen in real-browser runs on a clean machine (a 180 s stall in a
    // Chromium driver call, once each in two sessions), which a rerun does not repeat. Locally
    // nothing is retried, so a flaky test shows up where it is being worked on.
    retry: process.env.CI ? 1 : 0,
  },
});
