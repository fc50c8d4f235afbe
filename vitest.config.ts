import { defineConfig } from 'vitest/config';

// Unit tests, in two projects that one `vitest run` runs together: `node` (Node by default; DOM
// tests that need little of one opt in with `// @vitest-environment happy-dom`) and `browser`
// (*.browser.test.ts, in real Chromium: see vitest.browser.config.ts). `--project node` or
// `--project browser` runs one of them.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/**/*.browser.test.ts'],
          environment: 'node',
        },
      },
      './vitest.browser.config.ts',
    ],
  },
});
