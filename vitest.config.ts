import { defineConfig } from 'vitest/config';

// Unit tests: Node by default; DOM tests opt in with `// @vitest-environment happy-dom`.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
